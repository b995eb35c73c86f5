import Platform
import Search

/// The site's CSS and JavaScript, compiled into the binary so an installed `kb` needs no files
/// beside it. A `theme/` folder in the guides root overrides them by name (`theme/kb.css`).
///
/// The text lives in real files beside this one (`kb.css`, `site.js`, `theme-bootstrap.js`,
/// `live-reload.js`), embedded by SwiftPM (`resources: [.embedInCode(…)]` in Package.swift,
/// which generates `PackageResources`), so they can be linted, read and diffed as CSS and
/// JavaScript.
public enum ThemeAssets {
    /// File names under `assets/` in the built site.
    public static let names = ["kb.css", "site.js"]

    /// The built-in text of `name`.
    public static func builtIn(_ name: String) -> [UInt8] {
        switch name {
        // `assets/kb.css`: the whole look, light and dark, phone to desktop, and print.
        case "kb.css": return EmbeddedFile.text(PackageResources.kb_css)
        // `assets/site.js`: theme toggle, navigation drawer, `/` to search, live results in the
        // header and on `search.html`. Plain ES5-level DOM code, no dependencies; the search
        // index and engine are loaded with `<script>` tags on first use, so search works from
        // `file://` and pages that never search never download the index; where the index has
        // vectors, the first search also loads the query embedder, and each query the parts of
        // the word-vector table it needs, then ranks again with the query's meaning.
        case "site.js": return EmbeddedFile.text(PackageResources.site_js)
        default: return []
        }
    }

    /// The asset as it will ship: `root/theme/name` when that file exists inside the root (a
    /// symbolic link leading out of it is ignored), else built in.
    public static func contents(_ name: String, root: String) throws(SiteError) -> [UInt8] {
        let override = root + "/theme/" + name
        if SiteFiles.kind(override) == .file, SiteFiles.isInside(override, root: root) {
            return try SiteFiles.read(override)
        }
        return builtIn(name)
    }

    /// Sets the theme before the first paint, so a dark-mode reader never sees a white flash:
    /// inline in every page's head, so it is one line.
    static let themeBootstrap = inlineScript(PackageResources.theme_bootstrap_js)

    /// Polls the dev server and reloads when the site was rebuilt; `kb serve` adds it to pages
    /// it serves, never to the built files.
    public static let liveReload = inlineScript(PackageResources.live_reload_js)

    private static func inlineScript(_ file: [UInt8]) -> String {
        "<script>" + String(decoding: EmbeddedFile.text(file), as: UTF8.self) + "</script>"
    }
}
