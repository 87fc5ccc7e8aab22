// What the files shared with Billing.Tests (StripeEvents, StripeSigner) expect in scope.
global using System.Text.Json;
global using Aspire.Hosting;
global using Aspire.Hosting.Testing;
global using Microsoft.Extensions.DependencyInjection;
global using Platform.Testing;
