#include "WordLlamaData.h"

// C23's #embed (clang 19 and later) puts the 10 MB table in .rodata in about 0.1 s of compile
// time. SwiftPM's `.embedInCode` would write it out as a Swift array literal instead, which the
// Swift compiler type-checks element by element. 64-byte alignment keeps every section aligned
// for the loads in Sources/Embeddings.
#pragma clang diagnostic ignored "-Wc23-extensions"
__attribute__((aligned(64))) static const unsigned char wordllama_table[] = {
#embed "wordllama.kbwl"
};

const unsigned char *kb_wordllama_bytes(void) { return wordllama_table; }

size_t kb_wordllama_size(void) { return sizeof(wordllama_table); }
