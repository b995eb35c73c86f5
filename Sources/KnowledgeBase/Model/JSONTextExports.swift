/// `JSONWriter` lives in the dependency-free `JSONText` module so that `faq` can write JSON
/// without linking the model (and its YAML and Foundation); `import KnowledgeBase` still sees it.
@_exported import JSONText
