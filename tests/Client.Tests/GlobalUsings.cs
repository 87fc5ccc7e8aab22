global using System.Text.Json;
global using Aspire.Hosting;
global using Aspire.Hosting.Testing;
global using LicensePlatform.Client;
global using Microsoft.Extensions.DependencyInjection;
global using Platform.EndToEnd.Tests;
