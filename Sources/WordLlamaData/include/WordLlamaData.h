#ifndef KB_WORDLLAMA_DATA_H
#define KB_WORDLLAMA_DATA_H

#include <stddef.h>

/// The bytes of wordllama.kbwl (scripts/wordllama.py), compiled into the binary's read-only data,
/// so faq needs no file beside it and the kernel pages in only the rows a lookup touches.
const unsigned char *kb_wordllama_bytes(void);

/// The length of kb_wordllama_bytes().
size_t kb_wordllama_size(void);

#endif
