(function () {
  "use strict";
  // Written by kb from Swift (BrowserEngine.swift): RankingParameters, and the longest word the
  // tokenizer keeps (Tokenizer.maximumWordBytes). Each number has its one definition there.
  var RANKING = __RANKING__;
  var MAX_WORD_BYTES = __MAX_WORD_BYTES__;
  // The index layout (IndexFormat and the record types of SearchIndexReader/Index/Records):
  // header offsets, section numbers, record sizes and field offsets, unit kinds and fields.
  var FORMAT = __INDEX_FORMAT__;
  var KIND = {}, FIELD = FORMAT.fields, SECTION = FORMAT.sections;
  FORMAT.kinds.forEach(function (name, k) { KIND[name] = k; });
  var QUESTION_WORDS = {};
  RANKING.questionWords.forEach(function (w) { QUESTION_WORDS[w] = true; });
  var FOLD = {};
  "__FOLDING__".split(" ").forEach(function (pair) {
    var p = pair.split(":");
    if (p.length === 2) FOLD[parseInt(p[0], 16)] = p[1];
  });
  var encoder = new TextEncoder(), decoder = new TextDecoder("utf-8");

  // ---- Tokenizer (Tokenizer.swift) ----
  function isWordByte(b) { return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a); }
  function isZeroWidth(c) { return (c >= 0x300 && c <= 0x36f) || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0xfe0f || c === 0x2060; }
  function isSeparator(c) {
    return (c >= 0x80 && c <= 0xbf) || c === 0xd7 || c === 0xf7 || (c >= 0x2000 && c <= 0x2bff) ||
      (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f) ||
      (c >= 0xff1a && c <= 0xff20) || (c >= 0x1f000 && c <= 0x1faff) || c === 0xfffd;
  }
  function appendFolded(c, out) {
    if (c >= 0xc0 && c < 0x250 && FOLD[c]) { for (var i = 0; i < FOLD[c].length; i++) out.push(FOLD[c].charCodeAt(i)); return; }
    var lower = encoder.encode(String.fromCodePoint(c).toLowerCase());
    for (var j = 0; j < lower.length; j++) out.push(lower[j]);
  }
  function tokenize(text, emit) {
    var bytes = encoder.encode(text), n = bytes.length, position = 0, part = [], whole = [], parts = 0, compoundStart = 0;
    function endPart() {
      if (part.length === 0) return;
      if (part.length <= MAX_WORD_BYTES) {
        if (parts === 0) compoundStart = position;
        emit(decoder.decode(new Uint8Array(part)), position, false);
        position += 1; parts += 1;
      }
      part = [];
    }
    function endCompound() {
      endPart();
      if (parts > 1 && whole.length <= MAX_WORD_BYTES) emit(decoder.decode(new Uint8Array(whole)), compoundStart, true);
      whole = []; parts = 0;
    }
    var i = 0;
    while (i < n) {
      var b = bytes[i];
      if (b < 0x80) {
        if (isWordByte(b)) { var l = (b >= 0x41 && b <= 0x5a) ? (b | 0x20) : b; part.push(l); whole.push(l); i++; continue; }
        var next = i + 1 < n ? bytes[i + 1] : -1;
        var nextIsWord = next >= 0x80 || (next >= 0 && isWordByte(next));
        if (b === 0x27 && part.length > 0 && nextIsWord) { i++; continue; }
        if ((b === 0x2e || b === 0x2d || b === 0x5f) && part.length > 0 && nextIsWord) { endPart(); whole.push(b); i++; continue; }
        if (b === 0x5b) {
          var j = i + 1;
          while (j < n && j - i <= 4 && isWordByte(bytes[j])) j++;
          var letters = j - i - 1;
          if (letters >= 1 && letters <= 3 && j < n && bytes[j] === 0x5d &&
              (part.length > 0 || (j + 1 < n && isWordByte(bytes[j + 1])))) {
            for (var k = i + 1; k < j; k++) {
              var c0 = bytes[k], lc = (c0 >= 0x41 && c0 <= 0x5a) ? (c0 | 0x20) : c0;
              part.push(lc); whole.push(lc);
            }
            i = j + 1; continue;
          }
        }
        endCompound(); i++; continue;
      }
      var scalar, length;
      function cont(k) { return i + k < n ? (bytes[i + k] & 0x3f) : 0; }
      if ((b & 0xe0) === 0xc0) { scalar = ((b & 0x1f) << 6) | cont(1); length = Math.min(2, n - i); }
      else if ((b & 0xf0) === 0xe0) { scalar = ((b & 0x0f) << 12) | (cont(1) << 6) | cont(2); length = Math.min(3, n - i); }
      else if ((b & 0xf8) === 0xf0) { scalar = ((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3); length = Math.min(4, n - i); }
      else { scalar = 0xfffd; length = 1; }
      i += length;
      if (isZeroWidth(scalar)) continue;
      if (scalar === 0x2019) {
        var nx = i < n ? bytes[i] : -1;
        if (part.length > 0 && (nx >= 0x80 || (nx >= 0 && isWordByte(nx)))) continue;
        endCompound(); continue;
      }
      if (isSeparator(scalar)) { endCompound(); continue; }
      appendFolded(scalar, part); appendFolded(scalar, whole);
    }
    endCompound();
    return position;
  }

  // ---- Porter2 (EnglishStemmer.swift) ----
  var EXC1 = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" };
  var EXC2 = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 };
  var STEP2 = [["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["entli", "ent"],
    ["izer", "ize"], ["ization", "ize"], ["ational", "ate"], ["ation", "ate"], ["ator", "ate"], ["alism", "al"],
    ["aliti", "al"], ["alli", "al"], ["fulness", "ful"], ["ousli", "ous"], ["ousness", "ous"], ["iveness", "ive"],
    ["iviti", "ive"], ["biliti", "ble"], ["bli", "ble"], ["ogi", "og"], ["fulli", "ful"], ["lessli", "less"], ["li", ""]];
  var STEP3 = [["tional", "tion"], ["ational", "ate"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
    ["ical", "ic"], ["ful", ""], ["ness", ""], ["ative", ""]];
  var STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
    "iti", "ous", "ive", "ize", "ion"];
  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
  function stem(word) {
    if (word.length <= 2) return word;
    if (!/^[a-z']+$/.test(word)) return word;
    if (word.charAt(0) === "'") word = word.substring(1);
    if (Object.prototype.hasOwnProperty.call(EXC1, word)) return EXC1[word];
    var b = word.split("");
    for (var i = 0; i < b.length; i++) if (b[i] === "y" && (i === 0 || isVowel(b[i - 1]))) b[i] = "Y";
    function str() { return b.join(""); }
    function hasPrefix(p) { return str().substring(0, p.length) === p; }
    function regionStart(from) {
      for (var i = from; i + 1 < b.length; i++) if (isVowel(b[i]) && !isVowel(b[i + 1])) return i + 2;
      return b.length;
    }
    var r1 = hasPrefix("gener") ? 5 : hasPrefix("commun") ? 6 : hasPrefix("arsen") ? 5 : regionStart(0);
    var r2 = regionStart(r1);
    function ends(s) { var w = str(); return w.length >= s.length && w.substring(w.length - s.length) === s; }
    function longest(list) { var best = null; for (var i = 0; i < list.length; i++) if (ends(list[i]) && (best === null || list[i].length > best.length)) best = list[i]; return best; }
    function replace(s, r) { b.length -= s.length; for (var i = 0; i < r.length; i++) b.push(r.charAt(i)); }
    function inR1(s) { return b.length - s.length >= r1; }
    function inR2(s) { return b.length - s.length >= r2; }
    function shortSyllable(end) {
      if (end === 2) return isVowel(b[0]) && !isVowel(b[1]);
      if (end >= 3) { var c = b[end - 1]; return !isVowel(b[end - 3]) && isVowel(b[end - 2]) && !isVowel(c) && c !== "w" && c !== "x" && c !== "Y"; }
      return false;
    }
    function vowelBefore(end) { for (var i = 0; i < end; i++) if (isVowel(b[i])) return true; return false; }
    var s = longest(["'s'", "'s", "'"]);
    if (s) b.length -= s.length;
    s = longest(["sses", "ied", "ies", "us", "ss", "s"]);
    if (s === "sses") replace(s, "ss");
    else if (s === "ied" || s === "ies") replace(s, b.length > 4 ? "i" : "ie");
    else if (s === "s") { if (b.length >= 3 && vowelBefore(b.length - 2)) b.length -= 1; }
    if (EXC2[str()]) return str().replace(/Y/g, "y");
    s = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]);
    if (s === "eed" || s === "eedly") { if (inR1(s)) replace(s, "ee"); }
    else if (s && vowelBefore(b.length - s.length)) {
      b.length -= s.length;
      var last = b[b.length - 1];
      if (ends("at") || ends("bl") || ends("iz")) b.push("e");
      else if (b.length >= 2 && last === b[b.length - 2] && "bdfgmnprt".indexOf(last) >= 0) b.length -= 1;
      else if (r1 >= b.length && shortSyllable(b.length)) b.push("e");
    }
    if (b.length > 2 && (b[b.length - 1] === "y" || b[b.length - 1] === "Y") && !isVowel(b[b.length - 2])) b[b.length - 1] = "i";
    s = longest(STEP2.map(function (r) { return r[0]; }));
    if (s && inR1(s)) {
      var end = b.length - s.length, ok = true;
      if (s === "ogi") ok = end > 0 && b[end - 1] === "l";
      else if (s === "li") ok = end > 0 && "cdeghkmnrt".indexOf(b[end - 1]) >= 0;
      if (ok) replace(s, STEP2.filter(function (r) { return r[0] === s; })[0][1]);
    }
    s = longest(STEP3.map(function (r) { return r[0]; }));
    if (s && inR1(s) && !(s === "ative" && !inR2(s))) replace(s, STEP3.filter(function (r) { return r[0] === s; })[0][1]);
    s = longest(STEP4);
    if (s && inR2(s)) {
      if (s !== "ion" || (b.length - 3 > 0 && (b[b.length - 4] === "s" || b[b.length - 4] === "t"))) b.length -= s.length;
    }
    var lastc = b[b.length - 1];
    if (lastc === "e") { if (inR2("e") || (inR1("e") && !shortSyllable(b.length - 1))) b.length -= 1; }
    else if (lastc === "l") { if (inR2("l") && b.length >= 2 && b[b.length - 2] === "l") b.length -= 1; }
    return str().replace(/Y/g, "y");
  }

  // ---- Analyzer (Analyzer.swift) ----
  function americanize(w) {
    var i, s;
    var ise = ["isations", "isation", "ising", "ised", "ises", "isers", "iser", "ise"];
    for (i = 0; i < ise.length; i++) {
      s = ise[i];
      if (w.length >= s.length && w.substring(w.length - s.length) === s) {
        var at = w.length - s.length;
        if (at < 3) return w;
        return w.substring(0, at + 1) + "z" + w.substring(at + 2);
      }
    }
    var lyse = ["lysing", "lysed", "lyses", "lyse"];
    for (i = 0; i < lyse.length; i++) {
      s = lyse[i];
      if (w.length >= s.length && w.substring(w.length - s.length) === s) {
        var p = w.length - s.length + 2;
        return w.substring(0, p) + "z" + w.substring(p + 1);
      }
    }
    var our = ["ouring", "oured", "ours", "our"];
    for (i = 0; i < our.length; i++) {
      s = our[i];
      if (w.length >= s.length && w.substring(w.length - s.length) === s) {
        var a = w.length - s.length;
        if (a + 3 < 6) return w;
        return w.substring(0, a + 1) + w.substring(a + 2);
      }
    }
    var tre = ["tres", "tre"];
    for (i = 0; i < tre.length; i++) {
      s = tre[i];
      if (w.length >= s.length && w.substring(w.length - s.length) === s) {
        var t = w.length - s.length;
        if (t < 2) return w;
        return w.substring(0, t + 1) + "er" + w.substring(t + 3);
      }
    }
    return w;
  }

  // ---- Index (SearchIndex.swift, IndexFormat.swift, Records/) ----
  function Index(base64) {
    var raw = typeof atob === "function" ? atob(base64) : Buffer.from(base64, "base64").toString("binary");
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    this.bytes = bytes;
    var dv = new DataView(bytes.buffer);
    this.dv = dv;
    var header = FORMAT.header;
    if (decoder.decode(bytes.subarray(0, FORMAT.magic.length)) !== FORMAT.magic) throw new Error("not a search index");
    this.unitCount = dv.getUint32(header.unitCount, true); this.termCount = dv.getUint32(header.termCount, true);
    this.surfaceCount = dv.getUint32(header.surfaceCount, true);
    this.sections = [];
    for (var s = 0; s < FORMAT.sectionCount; s++) this.sections.push(dv.getUint32(header.sections + 4 * s, true));
    this.sections.push(bytes.length);
    // The vectors section (SearchIndex.hasVectors): one UnitVectorRecord per unit, or empty.
    this.hasVectors = this.unitCount > 0 &&
      this.sections[SECTION.vectors + 1] - this.sections[SECTION.vectors] === this.unitCount * FORMAT.vector.size;
    var r = { o: this.sections[SECTION.meta] }, self = this;
    function varint() { var v = 0, m = 1, b; do { b = bytes[r.o++]; v += (b & 0x7f) * m; m *= 128; } while (b >= 0x80); return v; }
    function string() { var n = varint(); var s = decoder.decode(bytes.subarray(r.o, r.o + n)); r.o += n; return s; }
    this.varintAt = function (state) { var v = 0, m = 1, b; do { b = bytes[state.o++]; v += (b & 0x7f) * m; m *= 128; } while (b >= 0x80); return v; };
    this.averages = [];
    for (var f = 0; f < FORMAT.fieldCount; f++) this.averages.push(Math.max(1, varint() / 1000));
    this.stopWords = {};
    var n = varint();
    for (i = 0; i < n; i++) this.stopWords[string()] = true;
    this.irregular = {};
    n = varint();
    for (i = 0; i < n; i++) { var k = string(); this.irregular[k] = string(); }
    var groups = [];
    n = varint();
    for (i = 0; i < n; i++) { var c = varint(), g = []; for (var j = 0; j < c; j++) g.push(string()); groups.push(g); }
    this.synonyms = {};
    groups.forEach(function (g) {
      g.forEach(function (a) {
        g.forEach(function (b2) {
          if (b2 === a) return;
          var list = Object.prototype.hasOwnProperty.call(self.synonyms, a) ? self.synonyms[a] : (self.synonyms[a] = []);
          if (list.indexOf(b2) < 0) list.push(b2);
        });
      });
    });
  }
  Index.prototype.u32 = function (o) { return this.dv.getUint32(o, true); };
  Index.prototype.compare = function (key, offset, length) {
    var n = Math.min(key.length, length);
    for (var i = 0; i < n; i++) { var a = key[i], b = this.bytes[offset + i]; if (a !== b) return a < b ? -1 : 1; }
    return key.length === length ? 0 : (key.length < length ? -1 : 1);
  };
  Index.prototype.termIndex = function (term) {
    var key = encoder.encode(term), lo = 0, hi = this.termCount - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, record = this.termRecord(mid);
      var c = this.compare(key, this.sections[SECTION.strings] + record.string, record.length);
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1; else lo = mid + 1;
    }
    return -1;
  };
  Index.prototype.surfaceTerm = function (word) {
    var key = encoder.encode(word), lo = 0, hi = this.surfaceCount - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, record = this.surfaceRecord(mid);
      var c = this.compare(key, this.sections[SECTION.strings] + record.string, record.length);
      if (c === 0) return record.term;
      if (c < 0) hi = mid - 1; else lo = mid + 1;
    }
    return -1;
  };
  // Records (TermRecord, SurfaceRecord, UnitRecord, UnitStrings, PostingList).
  Index.prototype.termRecord = function (t) {
    var o = this.sections[SECTION.terms] + t * FORMAT.term.size, lengthAndCount = this.u32(o + FORMAT.term.lengthAndCount);
    return { string: this.u32(o + FORMAT.term.string), postings: this.u32(o + FORMAT.term.postings),
      length: lengthAndCount & 0xff, df: lengthAndCount >>> 8 };
  };
  Index.prototype.surfaceRecord = function (i) {
    var o = this.sections[SECTION.surfaces] + i * FORMAT.surface.size;
    return { string: this.u32(o + FORMAT.surface.string), length: this.u32(o + FORMAT.surface.length),
      term: this.u32(o + FORMAT.surface.term) };
  };
  // The cosine of `query` (a unit vector of FORMAT.vector.dimensions numbers) with the unit's
  // stored vector, in Float32 steps as UnitVectorRecord.cosine and WordLlama.dot compute it, so
  // the fused scores, and their ties, are Swift's; 0 for a unit without a vector.
  Index.prototype.cosine = function (u, query) {
    if (!this.hasVectors || u < 0 || u >= this.unitCount || query.length !== FORMAT.vector.dimensions) return 0;
    var o = this.sections[SECTION.vectors] + u * FORMAT.vector.size;
    var scale = this.dv.getFloat32(o + FORMAT.vector.scale, true);
    if (!(scale > 0) || !isFinite(scale)) return 0;
    var sum = 0, values = o + FORMAT.vector.values, bytes = this.bytes, fround = Math.fround;
    for (var i = 0; i < query.length; i++) {
      var v = bytes[values + i];
      sum = fround(sum + fround(query[i] * (v > 127 ? v - 256 : v)));
    }
    return fround(sum * scale);
  };
  Index.prototype.unitOffset = function (u) { return this.sections[SECTION.units] + u * FORMAT.unit.size; };
  Index.prototype.df = function (t) { return this.termRecord(t).df; };
  Index.prototype.kind = function (u) { return this.u32(this.unitOffset(u) + FORMAT.unit.kindAndLine) & 0xff; };
  Index.prototype.fieldLength = function (u, f) { return this.dv.getUint16(this.unitOffset(u) + FORMAT.unit.fieldLengths + f * 2, true); };
  // The unit's strings but the answer, which the browser export leaves empty.
  Index.prototype.strings = function (u) {
    var state = { o: this.sections[SECTION.unitStrings] + this.u32(this.unitOffset(u) + FORMAT.unit.strings) }, out = [];
    for (var i = 0; i < FORMAT.unitStringCount - 1; i++) { var n = this.varintAt(state); out.push(decoder.decode(this.bytes.subarray(state.o, state.o + n))); state.o += n; }
    return out;
  };
  function emptyFields() { var out = []; for (var f = 0; f < FORMAT.fieldCount; f++) out.push([]); return out; }
  Index.prototype.postings = function (t) {
    var record = this.termRecord(t), df = record.df, state = { o: this.sections[SECTION.postings] + record.postings };
    var out = [], unit = -1;
    for (var i = 0; i < df; i++) {
      unit += this.varintAt(state);
      var mask = this.bytes[state.o++], positions = emptyFields();
      for (var f = 0; f < FORMAT.fieldCount; f++) {
        if (!(mask & (1 << f))) continue;
        var n = this.varintAt(state), p = 0;
        for (var k = 0; k < n; k++) { p += this.varintAt(state); positions[f].push(p); }
      }
      out.push({ unit: unit, positions: positions });
    }
    return out;
  };

  // ---- Analysis and typos (Analyzer.swift, TypoMatcher.swift) ----
  function termFor(index, word, compound) {
    if (compound) return word;
    if (index.stopWords[word]) return null;
    var base = Object.prototype.hasOwnProperty.call(index.irregular, word) ? index.irregular[word] : word;
    if (!/^[a-z]*$/.test(base)) return base;
    base = americanize(base);
    if (Object.prototype.hasOwnProperty.call(index.irregular, base)) base = index.irregular[base];
    return stem(base);
  }
  function distance(a, b, bound) {
    var n = a.length, m = b.length;
    if (Math.abs(n - m) > bound) return bound + 1;
    if (n === 0) return m;
    if (m === 0) return n;
    var p2 = new Array(m + 1).fill(0), p = [], c = new Array(m + 1).fill(0), j;
    for (j = 0; j <= m; j++) p.push(j);
    for (var i = 1; i <= n; i++) {
      c[0] = i;
      var rowMin = c[0];
      for (j = 1; j <= m; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, p2[j - 2] + 1);
        c[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > bound) return bound + 1;
      var t = p2; p2 = p; p = c; c = t;
    }
    return p[m];
  }
  function corrections(index, word) {
    var w = encoder.encode(word), maxEdits = w.length >= RANKING.twoEditsFromLength ? 2 : w.length >= RANKING.oneEditFromLength ? 1 : 0;
    if (maxEdits === 0) return [];
    var found = [], sb = index.sections[SECTION.strings];
    for (var i = 0; i < index.surfaceCount; i++) {
      var surface = index.surfaceRecord(i), len = surface.length;
      if (len < w.length - maxEdits || len > w.length + maxEdits) continue;
      var off = sb + surface.string, term = surface.term;
      var d = distance(w, index.bytes.subarray(off, off + len), maxEdits);
      if (d > 0 && d <= maxEdits) {
        var existing = null;
        for (var k = 0; k < found.length; k++) if (found[k].term === term) existing = found[k];
        if (existing) { if (d < existing.distance) existing.distance = d; }
        else found.push({ term: term, distance: d, df: index.df(term) });
      }
    }
    found.sort(function (a, b) { return a.distance !== b.distance ? a.distance - b.distance : (a.df !== b.df ? b.df - a.df : a.term - b.term); });
    return found.slice(0, RANKING.correctionLimit);
  }

  // ---- Ranking (Ranker.swift) ----
  function analyse(index, text, forceTypos) {
    var raw = [];
    tokenize(text, function (w, pos, compound) { raw.push([w, pos, compound]); });
    var trimmed = text.replace(/[ \n\t]+$/, "");
    var first = "";
    for (var i = 0; i < raw.length; i++) if (!raw[i][2]) { first = raw[i][0]; break; }
    var isQuestion = trimmed.charAt(trimmed.length - 1) === "?" || QUESTION_WORDS[first] === true;
    var words = [], contentCount = 0;
    raw.forEach(function (r) {
      var surface = r[0], compound = r[2], term = termFor(index, surface, compound);
      if (term === null) return;
      if (!compound) contentCount++;
      var candidates = [];
      function add(t, w) {
        for (var k = 0; k < candidates.length; k++) if (candidates[k].term === t) { candidates[k].weight = Math.max(candidates[k].weight, w); return; }
        candidates.push({ term: t, weight: w });
      }
      var own = index.termIndex(term);
      if (own >= 0) add(own, 1);
      if (!compound && Object.prototype.hasOwnProperty.call(index.synonyms, term)) {
        index.synonyms[term].forEach(function (s) { var t = index.termIndex(s); if (t >= 0) add(t, RANKING.synonymWeight); });
      }
      var known = own >= 0 || index.surfaceTerm(surface) >= 0;
      if (!compound && (forceTypos || !known)) {
        corrections(index, surface).forEach(function (c) { add(c.term, RANKING.typoWeights[c.distance]); });
      }
      words.push({ surface: surface, position: r[1], candidates: candidates, compound: compound });
    });
    return { words: words, isQuestion: isQuestion, contentCount: contentCount };
  }
  function proximity(a, b, unit, gap) {
    var best = 0, window = gap + RANKING.proximitySlack;
    a.forEach(function (pa) {
      if (pa.unit !== unit) return;
      b.forEach(function (pb) {
        if (pb.unit !== unit) return;
        for (var f = 0; f < FORMAT.fieldCount; f++) {
          var weight = RANKING.proximityWeights[f];
          if (weight <= best) continue;
          var P = pa.positions[f], Q = pb.positions[f];
          for (var i = 0; i < P.length; i++) for (var j = 0; j < Q.length; j++) {
            var d = Q[j] - P[i];
            if (d > 0 && d <= window) best = Math.max(best, weight);
            else if (d < 0 && -d <= window) best = Math.max(best, weight * RANKING.reversedProximityFactor);
          }
        }
      });
    });
    return best;
  }
  function titleFullyMatched(index, unit, lists) {
    var length = index.fieldLength(unit, FIELD.title);
    if (length <= 0) return false;
    var matched = {}, count = 0;
    lists.forEach(function (list) {
      list.forEach(function (posting) {
        if (posting.unit !== unit) return;
        posting.positions[FIELD.title].forEach(function (p) { if (!matched[p]) { matched[p] = true; count++; } });
      });
    });
    return count >= length;
  }
  function idfOf(df, total) { return Math.log(1 + (total - df + 0.5) / (df + 0.5)); }
  function mentionPrior(index, unit) {
    if (index.kind(unit) !== KIND.guide || index.unitCount <= 1) return 1;
    var title = index.strings(unit)[1];
    if (title.indexOf(" ") >= 0) return 1;
    var words = [], compound = null;
    tokenize(title, function (w, pos, isCompound) {
      if (isCompound) compound = w;
      else { var t = termFor(index, w, false); if (t !== null) words.push(t); }
    });
    var name = compound !== null ? compound : (words.length === 1 ? words[0] : null);
    if (name === null) return 1;
    var term = index.termIndex(name);
    if (term < 0) return 1;
    return 1 + RANKING.mentionWeight * Math.log(index.df(term)) / Math.log(index.unitCount);
  }
  // SemanticFusion.fuse: each candidate's score plus RANKING.semanticWeight × its cosine (at
  // least 0) × the best score, then sorted again.
  function fuse(index, candidates, vector) {
    var best = 0;
    candidates.forEach(function (c) { if (c.score > best) best = c.score; });
    if (!(RANKING.semanticWeight > 0) || !(best > 0)) return;
    candidates.forEach(function (c) { c.score += RANKING.semanticWeight * Math.max(0, index.cosine(c.unit, vector)) * best; });
    candidates.sort(function (a, b) { return a.score !== b.score ? b.score - a.score : a.unit - b.unit; });
  }
  // `vector` is the query's WordLlama vector (KBWordLlama's embed) when the ranking fuses it
  // (`search` decides, as Ranker.analyse does), or null to rank by words alone.
  function rank(index, query, limit, vector) {
    var n = index.unitCount, W = query.words.length;
    if (n === 0 || query.contentCount === 0 || W === 0) return [];
    var perWord = new Float64Array(n * W), seen = new Uint8Array(n), touched = [], wordPostings = [], total = n;
    query.words.forEach(function (word, w) {
      var merged = [], ownIDF = Infinity;
      word.candidates.forEach(function (c) { if (c.weight === 1 && ownIDF === Infinity) ownIDF = idfOf(index.df(c.term), total); });
      word.candidates.forEach(function (c) {
        var idf = Math.min(idfOf(index.df(c.term), total), ownIDF);
        index.postings(c.term).forEach(function (posting) {
          var tf = 0, titleTF = 0;
          for (var f = 0; f < FORMAT.fieldCount; f++) {
            if (posting.positions[f].length === 0) continue;
            var length = index.fieldLength(posting.unit, f), bb = RANKING.fieldB[f];
            var norm = 1 - bb + bb * length / index.averages[f];
            var fieldTF = posting.positions[f].length / norm;
            tf += RANKING.fieldWeights[f] * fieldTF;
            if (f === FIELD.title) titleTF = fieldTF;
          }
          var saturated = tf * (RANKING.k1 + 1) / (RANKING.k1 + tf);
          var titleBonus = RANKING.titleBoost * titleTF / (1 + titleTF);
          var score = c.weight * idf * (saturated + titleBonus);
          var slot = posting.unit * W + w;
          if (score > perWord[slot]) perWord[slot] = score;
          if (!seen[posting.unit]) { seen[posting.unit] = 1; touched.push(posting.unit); }
          merged.push(posting);
        });
      });
      wordPostings.push(merged);
    });
    var wordWeights = [], allWeight = 0;
    query.words.forEach(function (word) {
      var idf = Math.log(1 + (total + 0.5) / 0.5);
      if (word.candidates.length > 0) {
        var best = Infinity;
        word.candidates.forEach(function (c) { best = Math.min(best, index.df(c.term)); });
        idf = Math.log(1 + (total - best + 0.5) / (best + 0.5));
      }
      wordWeights.push(word.compound ? 0 : idf);
      allWeight += word.compound ? 0 : idf;
    });
    var scored = [];
    touched.forEach(function (u) {
      var sum = 0, matchedWeight = 0;
      for (var w = 0; w < W; w++) { var s = perWord[u * W + w]; sum += s; if (s > 0) matchedWeight += wordWeights[w]; }
      if (matchedWeight === 0) return;
      var coverage = matchedWeight / allWeight;
      scored.push({ unit: u, score: sum * coverage * Math.sqrt(coverage) });
    });
    function order(a, b) { return a.score !== b.score ? b.score - a.score : a.unit - b.unit; }
    scored.sort(order);
    var depth = Math.min(scored.length, RANKING.rerankDepth), content = [];
    query.words.forEach(function (word, w) { if (!word.compound) content.push({ w: w, word: word }); });
    for (var i = 0; i < depth; i++) {
      var u = scored[i].unit, bonus = 0, pairs = 0;
      if (content.length > 1) {
        for (var k = 0; k < content.length - 1; k++) {
          pairs++;
          bonus += proximity(wordPostings[content[k].w], wordPostings[content[k + 1].w], u,
            content[k + 1].word.position - content[k].word.position);
        }
      }
      var score = scored[i].score * (1 + RANKING.proximityBonus * bonus / Math.max(1, pairs));
      if (titleFullyMatched(index, u, content.map(function (c) { return wordPostings[c.w]; }))) score *= RANKING.wholeTitleBonus;
      if (query.isQuestion && index.kind(u) === KIND.faq) score *= RANKING.questionFAQBoost;
      score *= mentionPrior(index, u);
      scored[i].score = score;
    }
    var best = scored.slice(0, depth);
    best.sort(order);
    var titles = {}, demoted = false;
    best.forEach(function (b) {
      if (index.kind(b.unit) !== KIND.guide) return;
      var title = "\u0001" + index.strings(b.unit)[1].toLowerCase();
      if (titles[title]) { b.score *= RANKING.repeatedTitleFactor; demoted = true; } else titles[title] = true;
    });
    if (demoted) best.sort(order);
    if (vector) {
      // Every candidate, the reranked best and the rest, gets the cosine (Ranker.rank).
      best = best.concat(scored.slice(depth));
      fuse(index, best, vector);
    } else if (best.length < limit && scored.length > depth) best = best.concat(scored.slice(depth, Math.min(scored.length, depth + limit - best.length)));
    return best.slice(0, limit);
  }

  var loaded = null;
  function index() {
    if (!loaded) loaded = new Index(window.KB_SEARCH_INDEX);
    return loaded;
  }
  // `vector`: the query's WordLlama vector, or nothing to rank by words alone (the site ranks
  // at once by words, then again when the vector is ready: hasVectors says whether to).
  function search(query, limit, vector) {
    limit = limit || 10;
    var ix = index(), q = analyse(ix, String(query || ""), false);
    // Fused only where Ranker.analyse would embed: weighted vectors in the index, a content word.
    if (!vector || q.contentCount === 0 || !hasVectors()) vector = null;
    var hits = rank(ix, q, limit, vector);
    if (hits.length === 0 && q.contentCount > 0) hits = rank(ix, analyse(ix, String(query || ""), true), limit, vector);
    var fused = vector !== null;
    return hits.map(function (h) {
      var s = ix.strings(h.unit), slug = s[0].split("#")[0];
      return { id: s[0], kind: FORMAT.kinds[ix.kind(h.unit)] || "section", title: s[1], guide: s[2],
        url: slug + ".html" + (s[4] ? "#" + s[4] : ""), snippet: s[5], score: h.score, fused: fused };
    });
  }
  // ---- What the site shows (result selection and display only; ranking is above) ----
  // The hits worth listing: those scoring at least RANKING.relatedScoreFraction of the best one,
  // or fusedRelatedScoreFraction when the cosine was fused in (RankingParameters.related(_:) in
  // Swift), so a page does not trail off into weak hits that share one common word with the query.
  function related(hits) {
    if (hits.length === 0) return hits;
    var floor = hits[0].score * (hits[0].fused ? RANKING.fusedRelatedScoreFraction : RANKING.relatedScoreFraction);
    return hits.filter(function (h) { return h.score >= floor; });
  }
  // The analysed terms a query matches with (its own words, synonyms and typo corrections), as
  // a set of term strings, for highlighting.
  function queryTerms(query) {
    var ix = index(), q = analyse(ix, String(query || ""), false), terms = {}, any = false;
    q.words.forEach(function (word) { word.candidates.forEach(function (c) { any = true; terms[termString(ix, c.term)] = true; }); });
    if (!any && q.contentCount > 0) {
      analyse(ix, String(query || ""), true).words.forEach(function (word) {
        word.candidates.forEach(function (c) { terms[termString(ix, c.term)] = true; });
      });
    }
    return terms;
  }
  function termString(ix, t) {
    var record = ix.termRecord(t), o = ix.sections[SECTION.strings] + record.string;
    return decoder.decode(ix.bytes.subarray(o, o + record.length));
  }
  // Where `text` has a word whose term is in `terms`: [start, end) pairs of UTF-16 offsets, for
  // the site to wrap in <mark> with DOM text nodes. Words are runs of letters and digits, each
  // analysed as the index analyses a word (tokenize, fold, stem).
  function highlights(text, terms) {
    var ix = index(), out = [], re = /[\p{L}\p{N}\p{M}'\u2019]+/gu, m;
    text = String(text || "");
    while ((m = re.exec(text)) !== null) {
      var hit = false;
      tokenize(m[0], function (w, pos, compound) {
        if (hit || compound) return;
        var t = termFor(ix, w, false);
        if (t !== null && terms[t] === true) hit = true;
      });
      if (hit) out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }
  // "Did you mean" (Suggestions.swift): the query with each unknown word replaced by its
  // closest words in the guides, alternatives that find something first. Empty when every
  // word is known; with `correctedOnly` (the site), also when some unknown word has no close
  // word, since dropping it ("401 unauthorised" to "401") is not a correction.
  function suggestionsFor(ix, word) {
    // TypoMatcher.suggestions(for:limit:): a wider edit bound than corrections, words of 3+ bytes.
    var w = encoder.encode(word), maxEdits = w.length >= 8 ? 3 : w.length >= 3 ? 2 : 1, found = [];
    var sb = ix.sections[SECTION.strings];
    for (var i = 0; i < ix.surfaceCount; i++) {
      var surface = ix.surfaceRecord(i), len = surface.length;
      if (len < Math.max(1, w.length - maxEdits) || len > w.length + maxEdits) continue;
      var candidate = ix.bytes.subarray(sb + surface.string, sb + surface.string + len);
      var d = distance(w, candidate, maxEdits);
      if (d > 0 && d <= maxEdits && len >= 3) found.push({ word: decoder.decode(candidate), distance: d, df: ix.df(surface.term) });
    }
    found.sort(function (a, b) {
      return a.distance !== b.distance ? a.distance - b.distance : a.df !== b.df ? b.df - a.df : (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
    });
    return found.slice(0, 3).map(function (f) { return f.word; });
  }
  function suggestions(query, limit, correctedOnly) {
    limit = limit || 3;
    var ix = index(), words = [], alternatives = [], unknown = false;
    tokenize(String(query || ""), function (w, pos, compound) { if (!compound) words.push(w); });
    words.forEach(function (word) {
      if (ix.stopWords[word] || ix.surfaceTerm(word) >= 0) alternatives.push([word]);
      else { unknown = true; alternatives.push(suggestionsFor(ix, word)); }
    });
    if (!unknown) return [];
    if (correctedOnly && alternatives.some(function (a) { return a.length === 0; })) return [];
    var out = [], width = 0, original = words.join(" ");
    alternatives.forEach(function (a) { width = Math.max(width, a.length); });
    for (var k = 0; k < width && out.length < limit; k++) {
      var candidate = alternatives.filter(function (a) { return a.length > 0; })
        .map(function (a) { return a[Math.min(k, a.length - 1)]; }).join(" ");
      if (candidate === "" || candidate === original || out.indexOf(candidate) >= 0) continue;
      if (search(candidate, 1).length > 0) out.push(candidate);
    }
    return out;
  }
  function hasVectors() { return index().hasVectors && RANKING.semanticWeight > 0; }
  window.KBSearch = { search: search, tokenize: tokenize, stem: stem, related: related, queryTerms: queryTerms,
    highlights: highlights, suggestions: suggestions, hasVectors: hasVectors };
})();
