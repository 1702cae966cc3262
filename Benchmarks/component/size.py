#!/usr/bin/env python3
"""Where the bytes of the site component's core module go.

    SITEGEN_KEEP_NAMES=1 sitegen build --source Examples/blog --output /tmp/blog
    Benchmarks/component/size.py /tmp/blog/components/site.named.wasm [--top N]

The module is the one `sitegen build` ships (wasm-opt -Oz), with its name section kept.
Prints the code size per area (by the module of each function's Swift symbol; wasm-opt
inlines small functions into their callers, so an area holds what its functions
inlined), then the N largest functions. Needs `swift-demangle` (Swift toolchain).
"""
import collections, re, subprocess, sys


def leb(b, i):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return result, i


def parse(path):
    """(section id, size) list, [(function name, body size)], import count."""
    b = open(path, 'rb').read()
    i, sections, bodies, names, imported = 8, [], [], {}, 0
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        if sid == 0:
            n, j = leb(b, i)
            if b[j:j + n] == b'name':
                j += n
                while j < end:
                    sub = b[j]
                    length, j = leb(b, j + 1)
                    if sub == 1:
                        count, k = leb(b, j)
                        for _ in range(count):
                            index, k = leb(b, k)
                            n2, k = leb(b, k)
                            names[index] = b[k:k + n2].decode(errors='replace')
                            k += n2
                    j += length
                i = end
                continue  # the name section is not shipped
        elif sid == 2:
            count, j = leb(b, i)
            for _ in range(count):
                for _ in range(2):
                    n, j = leb(b, j)
                    j += n
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imported += 1
                elif kind in (1, 2):
                    if kind == 1:
                        j += 1
                    flags = b[j]
                    _, j = leb(b, j + 1)
                    if flags & 1:
                        _, j = leb(b, j)
                else:
                    j += 2
        elif sid == 10:
            count, j = leb(b, i)
            for _ in range(count):
                size2, k = leb(b, j)
                bodies.append(k - j + size2)
                j = k + size2
        sections.append((sid, size))
        i = end
    return sections, [(names.get(imported + k, 'f%d' % (imported + k)), s) for k, s in enumerate(bodies)]


def area(name, demangled):
    if not name.startswith('$e'):
        if re.match(r'(dl|dispose_chunk|try_realloc|internal_|init_mparams|sbrk|malloc|free|realloc|aligned|posix|mem|__|abort|fmod|round)', name):
            return 'C: dlmalloc and libc'
        if name.startswith('_swift_stdlib'):
            return 'Unicode grapheme breaking (String.count)'
        if name == 'sitegen_handle':
            return 'SitegenServer: handle() and what it inlines'
        if name.startswith('byn$'):
            return 'stdlib: generic specializations'
        return 'C: shim, cabi_realloc, Swift runtime'
    m = re.match(r'\$e(\d+)(\w+)', name)
    module = m.group(2)[:int(m.group(1))] if m else ''
    if module == 'SiteFunctions':
        return "the site's functions/*.swift"
    if module == 'SitegenServerCore':
        return 'SitegenServerCore: routing, manifest, HTTP, forms, HMAC'
    if module == 'SitegenServer':
        if re.search(r'KeyValue|Bucket|HTTPClient|Outgoing|Imports|WASI|ABI|Pollable|OutputStream|InputStream|Fields', demangled):
            return 'SitegenServer: WASI, key-value and HTTP bindings'
        return 'SitegenServer: endpoints, streaming, executor'
    if module == 'SitegenHTML':
        if 'JSON' in demangled:
            return 'SitegenHTML: JSON'
        if re.search(r'ByteReader|TemplateCodec', demangled):
            return 'SitegenHTML: template IR decoder'
        if re.search(r'HTMLEscaping|HTMLWriter|Suspense', demangled):
            return 'SitegenHTML: escaping, writer, suspense markup'
        return 'SitegenHTML: template interpreter (filters, tests, text, dates)'
    if re.search(r'Grapheme|Character|_StringBreadcrumbs|UnicodeScalarView|validateInclusiveCharacterIndex|isOnUnicodeScalarBoundary', demangled):
        return 'Unicode grapheme breaking (String.count)'
    if re.search(r'Double|Float', demangled):
        return 'stdlib: Double printing'
    if re.search(r'T[gG]q?\d|Tm$|Tf', name) or 'specialized' in demangled:
        return 'stdlib: generic specializations'
    return 'stdlib: String, Array, Dictionary, Hasher'


def main():
    args = sys.argv[1:]
    top = 0
    if '--top' in args:
        k = args.index('--top')
        top = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    sections, functions = parse(args[0])
    demangled = subprocess.run(['swift-demangle', '--simplified', '--compact'], input='\n'.join(n for n, _ in functions),
                               capture_output=True, text=True, check=True).stdout.split('\n')
    areas = collections.Counter()
    for (name, size), d in zip(functions, demangled):
        areas[area(name, d)] += size
    areas['data (strings, site data, manifest, tables)'] = sum(s for sid, s in sections if sid == 11)
    areas['types, imports, exports, globals, elements'] = sum(s for sid, s in sections if sid not in (0, 10, 11))
    total = sum(areas.values())
    print('| area | bytes | share |\n|---|---:|---:|')
    for name, size in areas.most_common():
        print('| %s | %d | %.1f%% |' % (name, size, 100.0 * size / total))
    print('| **core module without custom sections** | **%d** | |' % total)
    if top:
        print()
        for (name, size), d in sorted(zip(functions, demangled), key=lambda x: -x[0][1])[:top]:
            print('%7d  %s' % (size, d[:150]))


if __name__ == '__main__':
    main()
