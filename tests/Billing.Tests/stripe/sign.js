// Reads {"payload": "...", "secret": "whsec_...", "timestamp": 1700000000} on stdin and prints the
// Stripe-Signature header Stripe would send for it, made by the stripe package itself.
const Stripe = require('stripe');

const stripe = new Stripe('sk_test_signing_only');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { payload, secret, timestamp } = JSON.parse(input);
  process.stdout.write(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
});
