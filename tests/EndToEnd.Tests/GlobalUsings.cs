// What the files shared with Billing.Tests (StripeEvents, StripeSigner) expect in scope.
global using System.Text.Json;
global using Platform.Testing;
