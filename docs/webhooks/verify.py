# Verifies a Rainmaker webhook with Python 3's standard library. As a script:
#   RAINMAKER_WEBHOOK_SECRET=... RAINMAKER_SIGNATURE='t=...,v1=...' python3 verify.py < raw-body
# exits 0 when the signature is valid, 1 when not.
import hashlib
import hmac
import os
import re
import sys
import time

TOLERANCE_SECONDS = 5 * 60


def verify_rainmaker_signature(secret, header, raw_body, now=None):
    """raw_body: the request body exactly as received (bytes), before any JSON parsing."""
    parts = {}
    for part in (header or "").split(","):
        name, _, value = part.partition("=")
        parts[name.strip()] = value.strip()
    t, v1 = parts.get("t", ""), parts.get("v1", "")
    if not re.fullmatch(r"[0-9]+", t) or not re.fullmatch(r"[0-9a-f]{64}", v1):
        return False
    now = int(time.time()) if now is None else now
    if abs(now - int(t)) > TOLERANCE_SECONDS:  # a replayed old request
        return False
    expected = hmac.new(secret.encode("utf-8"), t.encode("ascii") + b"." + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, v1)


if __name__ == "__main__":
    valid = verify_rainmaker_signature(
        os.environ.get("RAINMAKER_WEBHOOK_SECRET", ""),
        os.environ.get("RAINMAKER_SIGNATURE", ""),
        sys.stdin.buffer.read(),
    )
    sys.exit(0 if valid else 1)
