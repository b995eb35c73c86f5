import KnowledgeBase

/// schema.org `FAQPage` data for questions shown on a page. The JSON writer escapes `<`, `>` and
/// `&` as `\u003c` and friends, so no answer can close the `<script>` element it sits in.
enum FAQJSONLD {
    static func render(_ groups: [(guide: Guide, faqs: [FAQEntry])]) -> [UInt8] {
        var w = JSONWriter(pretty: false, capacity: 4096)
        w.beginObject()
        w.value("@context", "https://schema.org")
        w.value("@type", "FAQPage")
        w.beginArray("mainEntity")
        for group in groups {
            for faq in group.faqs {
                w.beginObject()
                w.value("@type", "Question")
                w.value("name", faq.question)
                w.beginObject("acceptedAnswer")
                w.value("@type", "Answer")
                w.value("text", faq.answerText)
                w.endObject()
                w.endObject()
            }
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}
