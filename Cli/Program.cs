using LicensePlatform.Cli.Commands;
using LicensePlatform.Cli.Commands.ApiKeys;
using LicensePlatform.Cli.Commands.Licenses;
using LicensePlatform.Cli.Commands.Products;
using LicensePlatform.Cli.Commands.Webhooks;
using LicensePlatform.Cli.Infrastructure;
using Spectre.Console.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the call in flight; a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// Set when a command starts: the parser itself answered otherwise (help, or a usage error).
var started = new CommandStarted();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("licensectl");
    config.UseStrictParsing();
    config.SetInterceptor(started);
    config.UseAssemblyInformationalVersion();
    config.ConfigureConsole(Output.Out);
    config.CancellationExitCode(ExitCodes.Cancelled);
    config.SetExceptionHandler((exception, _) => Usage.Report(exception));

    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Validate a license key: exit 0 when valid, 1 when refused (its code is printed), 2 for a usage error, 3 when the platform cannot be reached")
        .WithExample("validate", "--key", "ACME-XXXX-XXXX-XXXX-XXXX", "--domain", "app.example.com")
        .WithExample("validate", "--key", "ACME-XXXX-XXXX-XXXX-XXXX", "--feature", "export", "--json");
    config.AddCommand<MachineIdCommand>("machine-id")
        .WithDescription("Print this machine's fingerprint (64 hex characters), the id activations use")
        .WithExample("machine-id", "--product", "prod_123");
    config.AddCommand<KeysCommand>("keys")
        .WithDescription("The platform's public signing keys (GET /api/v1/keys), which verify offline tokens");

    config.AddBranch("licenses", licenses =>
    {
        licenses.SetDescription("Issue, list, suspend, renew, rotate, import and export licenses");
        licenses.AddCommand<ListLicensesCommand>("list").WithDescription("List licenses, the newest first")
            .WithExample("licenses", "list", "--status", "active", "--product", "prod_123", "--all");
        licenses.AddCommand<GetLicenseCommand>("get").WithDescription("Show a license");
        licenses.AddCommand<CreateLicenseCommand>("create").WithDescription("Issue a license with a new key")
            .WithExample("licenses", "create", "--product", "prod_123", "--type", "subscription", "--expires-at", "2027-01-31", "--email", "ann@example.com");
        licenses.AddCommand<SuspendLicenseCommand>("suspend").WithDescription("Suspend a license");
        licenses.AddCommand<ReinstateLicenseCommand>("reinstate").WithDescription("Make a suspended license active again");
        licenses.AddCommand<RevokeLicenseCommand>("revoke").WithDescription("Revoke a license for good");
        licenses.AddCommand<RenewLicenseCommand>("renew").WithDescription("Renew a license until a date, or by its plan's duration");
        licenses.AddCommand<RotateLicenseCommand>("rotate").WithDescription("Give a license a new key; the previous one validates for --grace-days more")
            .WithExample("licenses", "rotate", "lic_123", "--grace-days", "7");
        licenses.AddCommand<ImportLicensesCommand>("import").WithDescription("Import licenses with their own keys from a .csv or .json file, all or none")
            .WithExample("licenses", "import", "licenses.csv");
        licenses.AddCommand<ExportLicensesCommand>("export").WithDescription("Export every license as CSV or JSON, to a file or stdout")
            .WithExample("licenses", "export", "--format", "csv", "--output", "licenses.csv");
    });

    config.AddBranch("products", products =>
    {
        products.SetDescription("List, show and create products");
        products.AddCommand<ListProductsCommand>("list").WithDescription("List products, the newest first");
        products.AddCommand<GetProductCommand>("get").WithDescription("Show a product");
        products.AddCommand<CreateProductCommand>("create").WithDescription("Create a product")
            .WithExample("products", "create", "--name", "Acme Editor", "--platform", "linux", "--platform", "windows");
    });

    config.AddBranch("webhooks", webhooks =>
    {
        webhooks.SetDescription("Webhook endpoints and their deliveries");
        webhooks.AddCommand<ListWebhooksCommand>("list").WithDescription("List webhook endpoints");
        webhooks.AddCommand<CreateWebhookCommand>("create").WithDescription("Create an endpoint (here --url is the endpoint's; the platform's is --api-url)")
            .WithExample("webhooks", "create", "--url", "https://example.com/hooks", "--event", "license.created", "--event", "license.revoked");
        webhooks.AddCommand<ListDeliveriesCommand>("deliveries").WithDescription("List an endpoint's deliveries")
            .WithExample("webhooks", "deliveries", "whe_123", "--status", "failed");
        webhooks.AddCommand<RedeliverCommand>("redeliver").WithDescription("Send a delivery's event again")
            .WithExample("webhooks", "redeliver", "whe_123", "whd_456");
        webhooks.AddCommand<TestWebhookCommand>("test").WithDescription("Send a webhook.test event to an endpoint");
    });

    config.AddBranch("api-keys", keys =>
    {
        keys.SetDescription("The API keys of the calling key's environment");
        keys.AddCommand<ListApiKeysCommand>("list").WithDescription("List API keys, revoked ones included");
        keys.AddCommand<CreateApiKeyCommand>("create").WithDescription("Create an API key; its secret is shown this once only")
            .WithExample("api-keys", "create", "--name", "CI", "--scope", "validate");
        keys.AddCommand<RevokeApiKeyCommand>("revoke").WithDescription("Revoke an API key");
    });
});

var exitCode = await app.RunAsync(args, cancellation.Token);

// No command, or a group without its command (licensectl licenses): the parser prints the help and answers 1; that is a usage error.
return !started.Started && (exitCode == ExitCodes.Refused || args.Length == 0) ? ExitCodes.Usage : exitCode;
