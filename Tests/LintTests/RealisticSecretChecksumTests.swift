import Foundation
import Platform
import Testing

@testable import Lint
@testable import SecretScanning

@Suite("realistic-secret: token checksums")
struct RealisticSecretChecksumTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        // The catalogue check value of CRC-32/ISO-HDLC.
        #expect(TokenChecksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(TokenChecksum.crc32([]) == 0)
    }

    @Test func base62IsZeroPaddedMostSignificantFirst() {
        #expect(String(decoding: TokenChecksum.base62(0), as: UTF8.self) == "000000")
        #expect(String(decoding: TokenChecksum.base62(61), as: UTF8.self) == "00000z")
        #expect(String(decoding: TokenChecksum.base62(62), as: UTF8.self) == "000010")
        #expect(String(decoding: TokenChecksum.base62(UInt32.max), as: UTF8.self) == "4gfFC3")
    }

    @Test func aTokenIsValidOnlyWithItsOwnChecksum() {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let body = Array(FakeKeys.checksummed("", &rng).secret.utf8)
        #expect(TokenChecksum.isValid(body))
        var changed = body
        changed[3] = changed[3] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        #expect(!TokenChecksum.isValid(changed))
    }

    @Test func openAIMarkerIsTheBase64OfTheName() {
        #expect(
            String(decoding: SecretFormat.openAIMarker, as: UTF8.self)
                == Data("OpenAI".utf8).base64EncodedString())
        #expect(Base64.decode(SecretFormat.openAIMarker) == Array("OpenAI".utf8))
    }
}
