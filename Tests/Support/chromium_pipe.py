"""Headless Chromium driven over the DevTools protocol on --remote-debugging-pipe:
JSON messages, each ended by a NUL byte, on file descriptors 3 (to Chromium) and 4
(from it); no WebSocket needed. Shared by the preview's reload test and the end-to-end
browser tests (their Swift code puts this folder on sys.path).

    browser = Browser(chromium, profile)
    session = browser.open(url)
    browser.evaluate(session, 'document.title')
    browser.kill()
"""
import fcntl, json, os, subprocess, time


def _high(fd):  # out of the way of 3 and 4, which Chromium reads and writes
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class Browser:
    def __init__(self, chromium, profile):
        to_chrome = [_high(fd) for fd in os.pipe()]
        from_chrome = [_high(fd) for fd in os.pipe()]
        os.dup2(to_chrome[0], 3)
        os.dup2(from_chrome[1], 4)
        self.process = subprocess.Popen(
            [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
             '--remote-debugging-pipe', '--user-data-dir=' + profile, 'about:blank'],
            pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(3)
        os.close(4)
        self.write, self.read = to_chrome[1], from_chrome[0]
        self.buffer, self.last_id = b'', 0

    def call(self, method, params=None, session=None):
        """Sends one command and returns its result, skipping events and other replies."""
        self.last_id += 1
        message = {'id': self.last_id, 'method': method, 'params': params or {}}
        if session:
            message['sessionId'] = session
        os.write(self.write, json.dumps(message).encode() + b'\0')
        while True:
            while b'\0' not in self.buffer:
                chunk = os.read(self.read, 65536)
                if not chunk:
                    raise SystemExit('chromium closed the pipe')
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b'\0', 1)
            reply = json.loads(raw)
            if reply.get('id') == self.last_id:
                return reply.get('result', {})

    def open(self, url):
        """A new tab on `url`; returns its session."""
        target = self.call('Target.createTarget', {'url': url})['targetId']
        return self.call('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']

    def evaluate(self, session, expression):
        result = self.call('Runtime.evaluate', {'expression': expression, 'returnByValue': True}, session)
        return result.get('result', {}).get('value')

    def until(self, session, expression, seconds, every=0.1):
        """Polls `expression` until it is true (True) or `seconds` pass (False)."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if self.evaluate(session, expression):
                    return True
            except Exception:
                pass
            time.sleep(every)
        return False

    def kill(self):
        self.process.kill()
