// WordLlama's static text embeddings in the browser: the same table, tokenizer, pooling and cosine
// as Sources/Embeddings (WordLlamaTable.swift, SentencePieceTokenizer.swift, WordLlama.swift),
// ported line by line; EmbeddingsTests runs this file under node and compares its vectors with
// Swift's.
//
// The 10 MB table is fetched in parts, only when needed: part 0 is the header and the row scales,
// part 1 the tokenizer (byte ids, vocabulary, merges), and parts 2, 3, ... hold VECTOR_PART_ROWS
// rows of vectors each, so a query fetches the parts of its own tokens' rows only. Parts are byte
// ranges of the .kbwl file (WordLlamaTable.browserParts in Swift makes the same cut); the caller
// supplies `loadPart(number)`, a function returning a promise of the part's Uint8Array, so that
// the site can load parts with script tags (which work from file://) and node can read a file.
(function (root) {
  "use strict";
  var MAGIC = 0x4c57424b, VERSION = 1, EMPTY_MERGE = 0xffffffff, NO_TOKEN = 0xffff;
  // Rows per vector part: WordLlamaTable.browserVectorPartRows, written in by WordLlamaBrowser.
  var VECTOR_PART_ROWS = __VECTOR_PART_ROWS__;
  var encoder = new TextEncoder();

  // Where each part starts and ends in the file, from its 64-byte header.
  function partRanges(header) {
    var vectorsStart = header[8], vectorsEnd = vectorsStart + header[2] * header[3];
    var ranges = [[0, vectorsStart], [vectorsEnd, header[14]]];
    var step = VECTOR_PART_ROWS * header[3];
    for (var start = vectorsStart; start < vectorsEnd; start += step) ranges.push([start, Math.min(start + step, vectorsEnd)]);
    return ranges;
  }

  // A part as an aligned copy when its bytes do not start on an 8-byte boundary (node's Buffers
  // share pools), since the typed-array views below need aligned offsets.
  function aligned(bytes) { return bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes); }

  function Table(head, tail) {
    head = aligned(head); tail = aligned(tail);
    var header = new Uint32Array(head.buffer, head.byteOffset, 16);
    if (header[0] !== MAGIC) throw new Error("word vector table: no KBWL header");
    if (header[1] !== VERSION) throw new Error("word vector table: version " + header[1] + ", expected 1");
    this.header = header;
    this.tokenCount = header[2];
    this.dimensions = header[3];
    this.ranges = partRanges(header);
    var tailStart = this.ranges[1][0];
    function view(Type, section, count, part, partStart) {
      return new Type(part.buffer, part.byteOffset + header[section] - partStart, count);
    }
    this.scales = view(Float32Array, 7, this.tokenCount, head, 0);
    this.byteTokens = view(Uint16Array, 9, 256, tail, tailStart);
    this.textOffsets = view(Uint32Array, 10, this.tokenCount + 1, tail, tailStart);
    this.texts = view(Uint8Array, 11, header[12] - header[11], tail, tailStart);
    this.vocabularySlots = view(Uint32Array, 12, header[5], tail, tailStart);
    this.vocabularyMask = header[5] - 1;
    this.mergeSlots = view(Uint32Array, 13, header[6] * 2, tail, tailStart);
    this.mergeMask = header[6] - 1;
    this.mergeShift = 32 - Math.log2(header[6]);
    this.vectorParts = []; // part number - 2 -> Int8Array of that part's rows
  }

  // The token whose UTF-8 text is bytes[start..<end], or -1.
  Table.prototype.token = function (bytes, start, end) {
    var hash = 0x811c9dc5;
    for (var i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    var slot = hash & this.vocabularyMask, length = end - start;
    for (;;) {
      var entry = this.vocabularySlots[slot];
      if (entry === 0) return -1;
      var token = entry - 1, from = this.textOffsets[token], to = this.textOffsets[token + 1];
      if (to - from === length) {
        var same = true;
        for (var j = 0; j < length; j++) if (this.texts[from + j] !== bytes[start + j]) { same = false; break; }
        if (same) return token;
      }
      slot = (slot + 1) & this.vocabularyMask;
    }
  };

  Table.prototype.byteToken = function (byte) {
    var token = this.byteTokens[byte];
    return token < this.tokenCount ? token : -1;
  };

  // [rank, merged] of the pair (left, right), or null.
  Table.prototype.merge = function (left, right) {
    var key = ((left << 16) | right) >>> 0;
    var slot = Math.imul(key, 0x9e3779b1) >>> this.mergeShift;
    for (;;) {
      var stored = this.mergeSlots[slot * 2];
      if (stored === key) {
        var value = this.mergeSlots[slot * 2 + 1], merged = value & 0xffff;
        return merged < this.tokenCount ? [value >>> 16, merged] : null;
      }
      if (stored === EMPTY_MERGE) return null;
      slot = (slot + 1) & this.mergeMask;
    }
  };

  function Tokenizer(table) {
    this.table = table;
    var self = this;
    function lookUp(text) { var b = encoder.encode(text); return table.token(b, 0, b.length); }
    this.unknownToken = Math.max(lookUp("<unk>"), 0);
    var space = lookUp("\u2581");
    this.spaceToken = space >= 0 ? space : this.unknownToken;
    this.asciiTokens = new Uint16Array(128);
    for (var c = 0; c < 128; c++) {
      var t = lookUp(String.fromCharCode(c));
      this.asciiTokens[c] = t >= 0 ? t : NO_TOKEN;
    }
    this.specialTokens = [];
    ["<unk>", "</s>", "<s>"].forEach(function (text) {
      var token = lookUp(text);
      if (token >= 0) self.specialTokens.push([encoder.encode(text), token]);
    });
  }

  // The ids of `text`, as SentencePieceTokenizer.encode.
  Tokenizer.prototype.encode = function (text) {
    var bytes = encoder.encode(text), ids = [], pieceStart = 0, i = 0;
    while (i < bytes.length) {
      var special = bytes[i] === 0x3c ? this.specialAt(bytes, i) : null;
      if (special) {
        this.encodePiece(bytes, pieceStart, i, ids);
        ids.push(special[1]);
        i += special[0].length;
        pieceStart = i;
      } else {
        i++;
      }
    }
    this.encodePiece(bytes, pieceStart, bytes.length, ids);
    return ids;
  };

  Tokenizer.prototype.specialAt = function (bytes, start) {
    for (var s = 0; s < this.specialTokens.length; s++) {
      var text = this.specialTokens[s][0];
      if (start + text.length > bytes.length) continue;
      var same = true;
      for (var j = 0; j < text.length; j++) if (bytes[start + j] !== text[j]) { same = false; break; }
      if (same) return this.specialTokens[s];
    }
    return null;
  };

  Tokenizer.prototype.encodePiece = function (bytes, start, end, ids) {
    if (start >= end) return;
    var table = this.table, symbols = [this.spaceToken], i = start;
    while (i < end) {
      var lead = bytes[i];
      if (lead < 0x80) {
        var token = lead === 0x20 ? this.spaceToken : this.asciiTokens[lead];
        if (token === NO_TOKEN) { token = table.byteToken(lead); if (token < 0) token = this.unknownToken; }
        symbols.push(token);
        i++;
        continue;
      }
      var length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      var stop = Math.min(i + length, end), whole = table.token(bytes, i, stop);
      if (whole >= 0) {
        symbols.push(whole);
      } else {
        for (var b = i; b < stop; b++) { var t = table.byteToken(bytes[b]); symbols.push(t >= 0 ? t : this.unknownToken); }
      }
      i = stop;
    }
    this.merge(symbols);
    for (var k = 0; k < symbols.length; k++) ids.push(symbols[k]);
  };

  // Lowest rank first, leftmost among equal ranks, with lazy deletion (SentencePieceTokenizer.merge).
  Tokenizer.prototype.merge = function (symbols) {
    var count = symbols.length, table = this.table;
    if (count < 2) return;
    var previous = new Int32Array(count), next = new Int32Array(count), removed = new Uint8Array(count);
    for (var i = 0; i < count; i++) { previous[i] = i - 1; next[i] = i + 1; }
    var keys = [], merged = []; // a binary min-heap on rank * 2^32 + position
    function push(rank, position, token) {
      var key = rank * 4294967296 + position, child = keys.length;
      keys.push(key); merged.push(token);
      while (child > 0) {
        var parent = (child - 1) >> 1;
        if (keys[parent] <= keys[child]) break;
        swap(parent, child); child = parent;
      }
    }
    function swap(a, b) {
      var k = keys[a]; keys[a] = keys[b]; keys[b] = k;
      var m = merged[a]; merged[a] = merged[b]; merged[b] = m;
    }
    function pop() {
      var top = [keys[0] % 4294967296, merged[0]], lastKey = keys.pop(), lastMerged = merged.pop();
      if (keys.length > 0) {
        keys[0] = lastKey; merged[0] = lastMerged;
        var parent = 0;
        for (;;) {
          var left = parent * 2 + 1;
          if (left >= keys.length) break;
          var smaller = left + 1 < keys.length && keys[left + 1] < keys[left] ? left + 1 : left;
          if (keys[parent] <= keys[smaller]) break;
          swap(parent, smaller); parent = smaller;
        }
      }
      return top;
    }
    for (var p = 0; p + 1 < count; p++) {
      var m = table.merge(symbols[p], symbols[p + 1]);
      if (m) push(m[0], p, m[1]);
    }
    while (keys.length > 0) {
      var top = pop(), position = top[0], token = top[1];
      if (removed[position]) continue;
      var right = next[position];
      if (right >= count) continue;
      var now = table.merge(symbols[position], symbols[right]);
      if (!now || now[1] !== token) continue;
      symbols[position] = token;
      removed[right] = 1;
      var afterRight = next[right];
      next[position] = afterRight;
      if (afterRight < count) previous[afterRight] = position;
      var leftOf = previous[position];
      if (leftOf >= 0) { var l = table.merge(symbols[leftOf], symbols[position]); if (l) push(l[0], leftOf, l[1]); }
      if (afterRight < count) { var r = table.merge(symbols[position], symbols[afterRight]); if (r) push(r[0], position, r[1]); }
    }
    var kept = 0;
    for (var s = 0; s < count; s++) if (!removed[s]) symbols[kept++] = symbols[s];
    symbols.length = kept;
  };

  function WordLlama(table, loadPart) {
    this.table = table;
    this.tokenizer = new Tokenizer(table);
    this.dimensions = table.dimensions;
    this.loadPart = loadPart;
    this.pending = {};
  }

  // Resolves once the vector rows of `tokens` are loaded.
  WordLlama.prototype.loadRows = function (tokens) {
    var self = this, needed = {}, waits = [];
    tokens.forEach(function (token) { needed[Math.floor(token / VECTOR_PART_ROWS)] = true; });
    Object.keys(needed).forEach(function (key) {
      var index = Number(key);
      if (self.table.vectorParts[index]) return;
      if (!self.pending[index]) {
        self.pending[index] = Promise.resolve(self.loadPart(index + 2)).then(function (bytes) {
          if (bytes.length !== self.table.ranges[index + 2][1] - self.table.ranges[index + 2][0]) {
            throw new Error("word vector table: part " + (index + 2) + " has " + bytes.length + " bytes");
          }
          self.table.vectorParts[index] = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
        });
      }
      waits.push(self.pending[index]);
    });
    return Promise.all(waits);
  };

  // The unit vector (Float32Array) of token ids whose rows are loaded, or null (WordLlama.embed).
  WordLlama.prototype.embedTokens = function (tokens) {
    if (tokens.length === 0) return null;
    var table = this.table, dims = table.dimensions, sum = new Float32Array(dims);
    for (var t = 0; t < tokens.length; t++) {
      var token = tokens[t];
      if (token >= table.tokenCount) continue;
      var scale = table.scales[token], part = table.vectorParts[Math.floor(token / VECTOR_PART_ROWS)];
      var base = (token % VECTOR_PART_ROWS) * dims;
      // Math.fround at each step keeps to Float (single-precision) arithmetic, as Swift does.
      for (var j = 0; j < dims; j++) sum[j] = Math.fround(sum[j] + Math.fround(scale * part[base + j]));
    }
    return normalized(sum);
  };

  // A promise of the unit vector of `text`, or of null when it has no tokens.
  WordLlama.prototype.embed = function (text) {
    var self = this, tokens = this.tokenizer.encode(text);
    return this.loadRows(tokens).then(function () { return self.embedTokens(tokens); });
  };

  function normalized(vector) {
    var squares = 0;
    for (var i = 0; i < vector.length; i++) squares = Math.fround(squares + Math.fround(vector[i] * vector[i]));
    if (!(squares > 0) || !isFinite(squares)) return null;
    var scale = Math.fround(1 / Math.fround(Math.sqrt(squares))), out = new Float32Array(vector.length);
    for (var j = 0; j < vector.length; j++) out[j] = vector[j] * scale;
    return out;
  }

  function cosine(a, b) {
    var dot = 0, na = 0, nb = 0;
    for (var i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
    return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  }

  // Opens the table: loads parts 0 and 1 (header, scales, tokenizer); vector parts come later.
  function open(loadPart) {
    return Promise.all([loadPart(0), loadPart(1)]).then(function (parts) {
      return new WordLlama(new Table(parts[0], parts[1]), loadPart);
    });
  }

  root.KBWordLlama = { open: open, cosine: cosine, partRanges: partRanges, VECTOR_PART_ROWS: VECTOR_PART_ROWS };
})(typeof window !== "undefined" ? window : globalThis);
