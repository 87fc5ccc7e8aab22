# The reference's Python / Flask verification (shared/reference/api-reference.txt, "Verifying Signatures"): its
# verify_webhook, unchanged, called with a stand-in for Flask's request (headers, get_data) from Python's own
# http.server, as Flask is not installed here. The secret is read from the file named by the first argument before
# each request. Prints the port it listens on; answers 200 {"received": true} or the reference's 401.
import hashlib
import hmac
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer


# ---- the reference's code, unchanged ----
def verify_webhook(req, secret):
    signature = req.headers.get('X-TO-Signature', '')
    timestamp = req.headers.get('X-TO-Timestamp', '0')
    # Reject if older than 5 minutes
    if time.time() - int(timestamp) > 300:
        return False
    expected = hmac.new(
        secret.encode(),
        f"{timestamp}.{req.get_data(as_text=True)}".encode(),
        hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(signature, expected)
# ---- end of the reference's code ----


class FlaskRequest:
    def __init__(self, headers, data):
        self.headers = headers
        self.data = data

    def get_data(self, as_text=False):
        return self.data.decode('utf-8') if as_text else self.data


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        data = self.rfile.read(int(self.headers['Content-Length']))
        with open(sys.argv[1], encoding='utf-8') as secret_file:
            secret = secret_file.read()
        verified = verify_webhook(FlaskRequest(self.headers, data), secret)
        if verified:
            print(f"Event: {json.loads(data)['event']}", flush=True)
        answer = json.dumps({'received': True} if verified else {'error': 'Invalid signature'}).encode()
        self.send_response(200 if verified else 401)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args):
        pass


server = HTTPServer(('127.0.0.1', 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
