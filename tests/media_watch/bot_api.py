"""A local stand-in for Telegram's Bot API: ``POST /bot<token>/sendMessage`` over real HTTP,
recording each message; a token it does not know gets the API's 401 answer."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_POST(self):
        owner: FakeBotAPI = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        payload = json.loads(self.rfile.read(length) or b"{}")
        token, _slash, method = self.path.removeprefix("/bot").partition("/")
        if token != owner.token:
            return self._answer(
                401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        if method != "sendMessage" or not payload.get("text") or not payload.get("chat_id"):
            return self._answer(400, {"ok": False, "error_code": 400, "description": "Bad Request"})
        owner.messages.append(payload)
        result = {"message_id": len(owner.messages), "chat": {"id": payload["chat_id"]}}
        return self._answer(200, {"ok": True, "result": result})

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class FakeBotAPI:
    def __init__(self, token: str = "123:TEST"):  # noqa: S107 (a stand-in's token)
        self.token = token
        self.messages: list[dict] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
