// A webhook receiver as a team would write one: it verifies every message with the standardwebhooks library.
// Usage: node receive.mjs <port> <expected messages> <seconds down first>   (the signing secret on stdin)
// It stays down for the given seconds (deliveries meanwhile fail and must be retried), then listens, verifies,
// and prints "ok <webhook-id> <type>" per distinct message; it exits 0 once it has the expected number, 1 on a
// message that does not verify or after 90 s.
import http from "node:http";
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const [port, expected, downSeconds] = process.argv.slice(2).map(Number);
const secret = readFileSync(0, "utf8").trim();
const webhook = new Webhook(secret);
const seen = new Map();

setTimeout(() => { console.log(`FAIL only ${seen.size} of ${expected} messages within 90 s`); process.exit(1); }, 90_000);

await new Promise((resolve) => setTimeout(resolve, downSeconds * 1000));
const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => { body += chunk; });
  request.on("end", () => {
    try {
      const payload = webhook.verify(body, request.headers);
      if (!seen.has(request.headers["webhook-id"])) {
        seen.set(request.headers["webhook-id"], payload.type);
        console.log(`ok ${request.headers["webhook-id"]} ${payload.type} ${payload.data.userId}`);
      }
      response.writeHead(204).end();
      if (seen.size >= expected) {
        console.log("all messages verified");
        server.close();
        process.exit(0);
      }
    } catch (error) {
      console.log(`FAIL ${request.headers["webhook-id"]}: ${error.message}`);
      response.writeHead(400).end();
      process.exit(1);
    }
  });
});
server.listen(port, "127.0.0.1", () => console.log(`listening on ${port}`));
