#!/usr/bin/env python3
"""Serves a built site folder on 127.0.0.1 as a careful static host would:

- the page's Content-Security-Policy (shell/csp.txt, the one source of the
  policy, which index.html and the preview pages also carry in a <meta>),
  plus what only a header can say: frame-ancestors, so only this site and
  the origins given with --embed-from may frame it (its ?embed=1 mode);
- X-Content-Type-Options: nosniff, Referrer-Policy: strict-origin-when-cross-origin;
- precompressed copies (FILE.br, FILE.gz, written by scripts/precompress.py)
  where the browser accepts them and they are as new as their file, with
  Content-Encoding, Vary: Accept-Encoding and the compressed Content-Length,
  as nginx's gzip_static and most CDNs send them. --plain sends every file
  as it is.

    python3 scripts/serve.py DIR PORT [--plain] [--embed-from ORIGIN ...]

serve.sh uses it, and so do the browser tests: every page they load runs
under the policy."""
import functools
import http.server
import os
import sys

POLICY = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'shell', 'csp.txt'),
              encoding='utf-8').read().strip()


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript',
                      '.json': 'application/json', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.md': 'text/markdown'}
    csp = POLICY + "; frame-ancestors 'self'"
    compress = True

    def send_head(self):
        path = self.translate_path(self.path)
        accepted = [e.split(';')[0].strip() for e in self.headers.get('Accept-Encoding', '').split(',')]
        self.encoding = None
        if self.compress and os.path.isfile(path):
            for encoding, suffix in (('br', '.br'), ('gzip', '.gz')):
                copy = path + suffix
                if encoding in accepted and os.path.isfile(copy) and os.path.getmtime(copy) >= os.path.getmtime(path):
                    self.encoding = encoding
                    return self.send_copy(path, copy)
        return super().send_head()

    def send_copy(self, path, copy):
        f = open(copy, 'rb')
        self.send_response(200)
        self.send_header('Content-Type', self.guess_type(path))
        self.send_header('Content-Encoding', self.encoding)
        self.send_header('Content-Length', str(os.fstat(f.fileno()).st_size))
        self.end_headers()
        return f

    def end_headers(self):
        self.send_header('Content-Security-Policy', self.csp)
        self.send_header('X-Content-Type-Options', 'nosniff')
        self.send_header('Referrer-Policy', 'strict-origin-when-cross-origin')
        self.send_header('Cache-Control', 'no-cache')
        if self.compress:
            self.send_header('Vary', 'Accept-Encoding')
        super().end_headers()

    def log_message(self, *args):
        pass


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    directory, port, rest = args[0], int(args[1]), args[2:]
    embed_from = []
    plain = False
    while rest:
        flag = rest.pop(0)
        if flag == '--plain':
            plain = True
        elif flag == '--embed-from' and rest:
            embed_from.append(rest.pop(0))
        else:
            sys.exit(__doc__)
    handler = type('SiteHandler', (Handler,), {
        'csp': POLICY + "; frame-ancestors " + " ".join(["'self'"] + embed_from),
        'compress': not plain,
    })
    server = http.server.ThreadingHTTPServer(('127.0.0.1', port), functools.partial(handler, directory=directory))
    print(f'Serving {directory} at http://127.0.0.1:{port}/ (Ctrl-C stops it)', flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    main()
