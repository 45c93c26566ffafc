// Verifies a Rainmaker webhook with Node.js's built-in crypto. As a script:
//   RAINMAKER_WEBHOOK_SECRET=... RAINMAKER_SIGNATURE='t=...,v1=...' node verify.js < raw-body
// exits 0 when the signature is valid, 1 when not.
const crypto = require("node:crypto");

const TOLERANCE_SECONDS = 5 * 60;

/** rawBody: the request body exactly as received (a Buffer), before any JSON parsing. */
function verifyRainmakerSignature(secret, header, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = {};
  for (const part of (header || "").split(",")) {
    const at = part.indexOf("=");
    if (at > 0) parts[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  const t = parts.t || "";
  const v1 = parts.v1 || "";
  if (!/^\d+$/.test(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(nowSeconds - Number(t)) > TOLERANCE_SECONDS) return false; // a replayed old request
  const expected = crypto.createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest();
  return crypto.timingSafeEqual(Buffer.from(v1, "hex"), expected);
}

module.exports = { verifyRainmakerSignature };

if (require.main === module) {
  const chunks = [];
  process.stdin.on("data", (chunk) => chunks.push(chunk));
  process.stdin.on("end", () => {
    const valid = verifyRainmakerSignature(
      process.env.RAINMAKER_WEBHOOK_SECRET,
      process.env.RAINMAKER_SIGNATURE,
      Buffer.concat(chunks),
    );
    process.exit(valid ? 0 : 1);
  });
}
