/// Every format the `realistic-secret` rule knows, and the scanner's first-byte index over them.
///
/// Sources: each provider's documentation of its key format, GitHub's "Behind GitHub's new
/// authentication token formats", and the rule sets of public secret scanners.
enum SecretCatalog {
    private static let base62 = ByteSet.alphanumerics
    private static let base64URL = ByteSet.base64URL
    private static let hex = ByteSet.lowercaseHex
    private static let anyHex = ByteSet.hex
    private static let openAI = SecretFormat.openAIMarker

    static let formats: [SecretFormat] = [
        // OpenAI. Real keys embed the base64 of "OpenAI"; long random bodies without it still count.
        .init(
            "OpenAI project key", "sk-proj-", .token(base64URL, 40...400),
            suggest: "sk-proj-... or $OPENAI_API_KEY", mixesClasses: true, marker: openAI),
        .init(
            "OpenAI service account key", "sk-svcacct-", .token(base64URL, 40...400),
            suggest: "sk-svcacct-... or $OPENAI_API_KEY", mixesClasses: true, marker: openAI),
        .init(
            "OpenAI admin key", "sk-admin-", .token(base64URL, 40...400),
            suggest: "sk-admin-... or $OPENAI_ADMIN_KEY", mixesClasses: true, marker: openAI),
        .init(
            "OpenAI user key", "sk-None-", .token(base64URL, 40...400),
            suggest: "sk-... or $OPENAI_API_KEY", mixesClasses: true, marker: openAI),
        .init(
            "Anthropic API key", "sk-ant-api03-", .token(base64URL, 80...120),
            suggest: "sk-ant-... or $ANTHROPIC_API_KEY", mixesClasses: true),
        .init(
            "Anthropic admin key", "sk-ant-admin01-", .token(base64URL, 80...120),
            suggest: "sk-ant-admin01-... or $ANTHROPIC_ADMIN_KEY", mixesClasses: true),
        .init(
            "Anthropic key", "sk-ant-", .token(base64URL, 80...130),
            suggest: "sk-ant-... or $ANTHROPIC_API_KEY", mixesClasses: true),
        .init(
            "OpenRouter key", "sk-or-v1-", .token(hex, 64...64),
            suggest: "sk-or-v1-... or $OPENROUTER_API_KEY"),
        // Legacy OpenAI keys (48 base62) and the many APIs that copied the `sk-` style
        // (some with 32 hex characters).
        .init(
            "OpenAI-style secret key", "sk-", .token(base64URL, 32...400),
            suggest: "sk-... or $OPENAI_API_KEY",
            marker: openAI),

        .init(
            "AWS access key id", "AKIA", .token(.base32, 16...16),
            suggest: "AKIAIOSFODNN7EXAMPLE or $AWS_ACCESS_KEY_ID"),
        .init(
            "AWS temporary access key id", "ASIA", .token(.base32, 16...16),
            suggest: "ASIA... or $AWS_ACCESS_KEY_ID"),

        .init(
            "GitHub personal access token", "ghp_", .checksummed, suggest: "ghp_... or $GITHUB_TOKEN",
            mixesClasses: true),
        .init(
            "GitHub OAuth token", "gho_", .checksummed, suggest: "gho_... or $GITHUB_TOKEN",
            mixesClasses: true),
        .init(
            "GitHub user-to-server token", "ghu_", .checksummed, suggest: "ghu_... or $GITHUB_TOKEN",
            mixesClasses: true),
        .init(
            "GitHub server-to-server token", "ghs_", .checksummed, suggest: "ghs_... or $GITHUB_TOKEN",
            mixesClasses: true),
        .init(
            "GitHub refresh token", "ghr_", .checksummed, suggest: "ghr_... or $GITHUB_TOKEN",
            mixesClasses: true),
        .init(
            "GitHub fine-grained token", "github_pat_", .gitHubFineGrained,
            suggest: "github_pat_... or $GITHUB_TOKEN", mixesClasses: true),
        .init(
            "GitLab personal access token", "glpat-",
            .token(ByteSet.base64URL.union(ByteSet(".")), 20...80),
            suggest: "glpat-... or $GITLAB_TOKEN"),

        .init(
            "Stripe live secret key", "sk_live_", .token(base62, 20...255),
            suggest: "sk_live_... or $STRIPE_SECRET_KEY", mixesClasses: true),
        .init(
            "Stripe live restricted key", "rk_live_", .token(base62, 20...255),
            suggest: "rk_live_... or $STRIPE_SECRET_KEY", mixesClasses: true),
        .init(
            "Stripe test secret key", "sk_test_", .token(base62, 20...255),
            suggest: "sk_test_... or $STRIPE_SECRET_KEY", mixesClasses: true),
        .init(
            "Stripe test restricted key", "rk_test_", .token(base62, 20...255),
            suggest: "rk_test_... or $STRIPE_SECRET_KEY", mixesClasses: true),
        .init(
            "Stripe webhook signing secret", "whsec_", .token(base62, 24...80),
            suggest: "whsec_... or $STRIPE_WEBHOOK_SECRET"),

        .init("Slack bot token", "xoxb-", .slackToken, suggest: "xoxb-... or $SLACK_BOT_TOKEN"),
        .init("Slack user token", "xoxp-", .slackToken, suggest: "xoxp-... or $SLACK_TOKEN"),
        .init("Slack app token", "xoxa-", .slackToken, suggest: "xoxa-... or $SLACK_TOKEN"),
        .init("Slack refresh token", "xoxr-", .slackToken, suggest: "xoxr-... or $SLACK_TOKEN"),
        .init("Slack session token", "xoxs-", .slackToken, suggest: "xoxs-... or $SLACK_TOKEN"),
        .init(
            "Slack webhook URL", "hooks.slack.com/services/", .slackWebhook,
            suggest: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),

        .init(
            "Google API key", "AIza", .token(base64URL, 35...35), suggest: "AIza... or $GOOGLE_API_KEY",
            mixesClasses: true),
        .init("Hugging Face token", "hf_", .token(base62, 30...40), suggest: "hf_... or $HF_TOKEN"),
        .init(
            "SendGrid API key", "SG.", .sendGrid, suggest: "SG.... or $SENDGRID_API_KEY",
            mixesClasses: true),
        .init(
            "npm access token", "npm_", .checksummed, suggest: "npm_... or $NPM_TOKEN", mixesClasses: true
        ),
        .init(
            "PyPI upload token", "pypi-AgEIcHlwaS5vcmc", .token(base64URL, 50...400),
            suggest: "pypi-... or $PYPI_TOKEN", mixesClasses: true),
        .init(
            "TestPyPI upload token", "pypi-AgENdGVzdC5weXBpLm9yZw", .token(base64URL, 50...400),
            suggest: "pypi-... or $PYPI_TOKEN", mixesClasses: true),
        .init(
            "Groq API key", "gsk_", .token(base62, 48...56), suggest: "gsk_... or $GROQ_API_KEY",
            mixesClasses: true),
        .init(
            "DigitalOcean personal access token", "dop_v1_", .token(hex, 64...64),
            suggest: "dop_v1_... or $DIGITALOCEAN_TOKEN"),
        .init(
            "DigitalOcean OAuth token", "doo_v1_", .token(hex, 64...64),
            suggest: "doo_v1_... or $DIGITALOCEAN_TOKEN"),
        .init(
            "DigitalOcean refresh token", "dor_v1_", .token(hex, 64...64),
            suggest: "dor_v1_... or $DIGITALOCEAN_TOKEN"),
        .init(
            "Shopify access token", "shpat_", .token(anyHex, 32...32),
            suggest: "shpat_... or $SHOPIFY_ACCESS_TOKEN"),
        .init(
            "Shopify shared secret", "shpss_", .token(anyHex, 32...32),
            suggest: "shpss_... or $SHOPIFY_API_SECRET"),
        .init(
            "Shopify custom app token", "shpca_", .token(anyHex, 32...32),
            suggest: "shpca_... or $SHOPIFY_ACCESS_TOKEN"),
        .init(
            "Shopify private app token", "shppa_", .token(anyHex, 32...32),
            suggest: "shppa_... or $SHOPIFY_ACCESS_TOKEN"),
        // Twilio API key SIDs; `AC` account SIDs are identifiers, not secrets.
        .init("Twilio API key", "SK", .token(hex, 32...32), suggest: "SK... or $TWILIO_API_KEY"),
        .init(
            "Replicate API token", "r8_", .token(base62, 36...40),
            suggest: "r8_... or $REPLICATE_API_TOKEN"),
        .init(
            "xAI API key", "xai-", .token(base62, 70...90), suggest: "xai-... or $XAI_API_KEY",
            mixesClasses: true),
        .init(
            "Perplexity API key", "pplx-", .token(base62, 40...64),
            suggest: "pplx-... or $PERPLEXITY_API_KEY"),

        .init("JSON Web Token", "eyJ", .jsonWebToken, suggest: "eyJ... or $TOKEN"),
        .init(
            "private key", "-----BEGIN ", .privateKeyBlock,
            suggest: "a body of ... or a path to a key file kept outside the repository"),
    ]

    /// For each first byte, the formats starting with it, longest prefix first: the scanner
    /// tries them in turn and stops at the first whose prefix matches.
    static let byFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (i, f) in formats.enumerated() { table[Int(f.prefix[0])].append(i) }
        for b in 0..<256 {
            table[b].sort { formats[$0].prefix.count > formats[$1].prefix.count }
        }
        return table
    }()
}
