// The reference's Node.js / Express verification (shared/reference/api-reference.txt, "Verifying Signatures"), run as
// it is written there. A few lines of Node's http module stand in for Express: req.body is the parsed JSON body, as
// express.json() gives it. The secret is read from the file named by the first argument before each request.
// Prints the port it listens on; answers 200 {"received":true} or the reference's 401.
import crypto from 'crypto'
import fs from 'fs'
import http from 'http'

const routes = {}
const app = { post: (path, handler) => { routes[path] = handler } }

// ---- the reference's code, unchanged ----
const verifyWebhook = (req, secret) => {
  const signature = req.headers['x-to-signature']
  const timestamp = req.headers['x-to-timestamp']
  const body = JSON.stringify(req.body)
  // Reject if timestamp is older than 5 minutes
  if (Date.now() / 1000 - Number(timestamp) > 300) {
    return false
  }
  const expected = crypto
    .createHmac('sha256', secret)
    .update(timestamp + '.' + body)
    .digest('hex')
  return crypto.timingSafeEqual(
    Buffer.from(signature),
    Buffer.from(expected)
  )
}
app.post('/webhooks/to', (req, res) => {
  if (!verifyWebhook(req, process.env.WEBHOOK_SECRET)) {
    return res.status(401).json({ error: 'Invalid signature' })
  }
  // Process the webhook event
  console.log('Event:', req.body.event)
  res.status(200).json({ received: true })
})
// ---- end of the reference's code ----

http.createServer((request, response) => {
  let text = ''
  request.setEncoding('utf8')
  request.on('data', chunk => { text += chunk })
  request.on('end', () => {
    process.env.WEBHOOK_SECRET = fs.readFileSync(process.argv[2], 'utf8')
    const res = {
      code: 200,
      status (code) { this.code = code; return this },
      json (value) { response.writeHead(this.code, { 'content-type': 'application/json' }); response.end(JSON.stringify(value)) }
    }
    try {
      routes[request.url]({ headers: request.headers, body: JSON.parse(text) }, res)
    } catch (error) {
      // timingSafeEqual throws when the lengths differ: the signature does not verify.
      res.status(401).json({ error: String(error) })
    }
  })
}).listen(0, '127.0.0.1', function () { console.log(this.address().port) })
