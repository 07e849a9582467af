#!/usr/bin/env python3
"""Writes, at build time, the Unicode tables behind src/core/text/unicode_fold.cpp.

    unicode_tables.py UNICODE_DATA_DIR OUT.cpp

UNICODE_DATA_DIR holds Debian's unicode-data files (UnicodeData.txt,
CaseFolding.txt). The tables are what canonical caseless matching needs
(Unicode chapter 3, D145): canonical decompositions, canonical combining
classes and full case folding. They are packed small, since the page
downloads them on every visit:

- decompositions: one uint64 per code point, cp << 42 | first << 21 | second,
  one step each (the code follows chains); Hangul syllables are computed;
- combining classes: runs of code points with one non-zero class,
  start << 16 | (length - 1) << 8 | class;
- case folding (statuses C and F): runs of code points, stride 1 or 2 apart,
  that fold by the same offset, start << 43 | (count - 1) << 35 |
  (stride - 1) << 34 | (offset + 2^33); folds to two or three code points
  are listed whole.
"""
import os
import sys

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def read_unicode_data(path):
    decompositions, classes = {}, {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split(';')
            if len(fields) < 15:
                continue
            cp = int(fields[0], 16)
            if int(fields[3]):
                classes[cp] = int(fields[3])
            mapping = fields[5]
            if mapping and not mapping.startswith('<'):   # canonical only; <tags> are compatibility
                parts = [int(p, 16) for p in mapping.split()]
                assert 1 <= len(parts) <= 2, line
                decompositions[cp] = parts
    return decompositions, classes


def read_case_folding(path):
    simple, full = {}, {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            code, status, mapping = [p.strip() for p in line.split(';')[:3]]
            if status not in ('C', 'F'):   # S duplicates an F as one code point; T is Turkic-only
                continue
            parts = [int(p, 16) for p in mapping.split()]
            (simple if len(parts) == 1 else full)[int(code, 16)] = parts
    return simple, full


def class_runs(classes):
    runs = []
    for cp in sorted(classes):
        c = classes[cp]
        if runs and runs[-1][0] + runs[-1][1] == cp and runs[-1][2] == c and runs[-1][1] < 256:
            runs[-1][1] += 1
        else:
            runs.append([cp, 1, c])
    return runs


def fold_runs(simple):
    runs = []   # [start, count, stride, offset]
    for cp in sorted(simple):
        offset = simple[cp][0] - cp
        if runs:
            start, count, stride, off = runs[-1]
            last = start + (count - 1) * stride
            if off == offset and count < 256:
                if count == 1 and cp - last in (1, 2):
                    runs[-1][2] = cp - last
                    runs[-1][1] += 1
                    continue
                if count > 1 and cp - last == stride:
                    runs[-1][1] += 1
                    continue
        runs.append([cp, 1, 1, offset])
    return runs


def words(values, per_line=6):
    lines = []
    for i in range(0, len(values), per_line):
        lines.append('    ' + ' '.join(f'0x{v:X}u,' for v in values[i:i + per_line]))
    return '\n'.join(lines)


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: unicode_tables.py UNICODE_DATA_DIR OUT.cpp')
    data_dir, out = sys.argv[1], sys.argv[2]
    decompositions, classes = read_unicode_data(os.path.join(data_dir, 'UnicodeData.txt'))
    simple, full = read_case_folding(os.path.join(data_dir, 'CaseFolding.txt'))
    with open(os.path.join(data_dir, 'CaseFolding.txt'), encoding='utf-8') as f:
        version = f.readline().strip('# \n')

    decomposition_words = [cp << 42 | parts[0] << 21 | (parts[1] if len(parts) > 1 else 0)
                           for cp, parts in sorted(decompositions.items())]
    class_words = [start << 16 | (length - 1) << 8 | c for start, length, c in class_runs(classes)]
    fold_words = [start << 43 | (count - 1) << 35 | (stride - 1) << 34 | (offset + (1 << 33))
                  for start, count, stride, offset in fold_runs(simple)]
    full_rows = [(cp, parts + [0] * (3 - len(parts))) for cp, parts in sorted(full.items())]

    text = f"""// Generated at build time by scripts/unicode_tables.py from Debian's unicode-data
// ({version}). Do not edit; see that script for the packing.
#include <cstddef>
#include <cstdint>

namespace explainer::unicode_fold::tables {{

extern const std::uint64_t kDecompositions[] = {{
{words(decomposition_words, 4)}
}};
extern const std::size_t kDecompositionCount = {len(decomposition_words)};

extern const std::uint64_t kClassRuns[] = {{
{words(class_words, 4)}
}};
extern const std::size_t kClassRunCount = {len(class_words)};

extern const std::uint64_t kFoldRuns[] = {{
{words(fold_words, 4)}
}};
extern const std::size_t kFoldRunCount = {len(fold_words)};

extern const char32_t kFullFolds[][4] = {{
""" + '\n'.join(f'    {{0x{cp:X}, 0x{a:X}, 0x{b:X}, 0x{c:X}}},' for cp, (a, b, c) in full_rows) + f"""
}};
extern const std::size_t kFullFoldCount = {len(full_rows)};

}}  // namespace explainer::unicode_fold::tables
"""
    tmp = out + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, out)


if __name__ == '__main__':
    main()
