using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Apis;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the handler's changes and the stored answer commit in one transaction,
/// so a retry with the same key and body gets the first answer (with <c>Idempotent-Replayed: true</c>) and
/// creates nothing new, even when the two arrive together; the same key with another body is 422.
/// </summary>
internal static class IdempotencyFilter
{
    public const string HeaderName = "Idempotency-Key";
    private const string PostgresUniqueViolation = "23505";

    public static TBuilder WithIdempotencyKeys<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[HeaderName].ToString();
            if (!HttpMethods.IsPost(http.Request.Method) || key.Length == 0 || CallerIdentity.Resolve(http) is not { } caller)
            {
                return await next(context);
            }

            if (key.Length > 255 || key.Any(c => c is < ' ' or > '~'))
            {
                return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"{HeaderName} must be 1 to 255 printable ASCII characters.");
            }

            var scope = ApiScope.Of(caller);
            var hash = RequestHash(http, context.Arguments);
            var db = http.RequestServices.GetRequiredService<LicensingDbContext>();
            if (await FindAsync(db, scope, key) is { } earlier)
            {
                return Replay(earlier, hash, http);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
            var result = await next(context);
            if (result is not (IStatusCodeHttpResult { StatusCode: < 500 } status and IValueHttpResult value))
            {
                return result;
            }

            if (status.StatusCode is not (null or >= 200 and < 300))
            {
                // A refusal stores its answer and nothing else: whatever the handler tracked before refusing is not saved.
                db.ChangeTracker.Clear();
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                TenantId = scope.TenantId,
                Environment = scope.Environment,
                Key = key,
                RequestHash = hash,
                StatusCode = status.StatusCode ?? StatusCodes.Status200OK,
                Response = JsonSerializer.Serialize(value.Value, AnswerJson(http)),
            });
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
                await transaction.CommitAsync(http.RequestAborted);
                return result;
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresUniqueViolation })
            {
                // A request with the same key committed first: undo this one's changes and answer as that one did.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return Replay((await FindAsync(db, scope, key))!, hash, http);
            }
        });

    /// <summary>The options the route's answer is written with, so a replay is the same bytes.</summary>
    private static JsonSerializerOptions AnswerJson(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    private static Task<IdempotencyRecord?> FindAsync(LicensingDbContext db, ApiScope scope, string key) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == scope.TenantId && r.Environment == scope.Environment && r.Key == key);

    private static IResult Replay(IdempotencyRecord earlier, byte[] hash, HttpContext http)
    {
        if (!CryptographicOperations.FixedTimeEquals(earlier.RequestHash, hash))
        {
            return ApiErrorWriter.Result(StatusCodes.Status422UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED",
                $"This {HeaderName} was used for a different request.");
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Text(earlier.Response, "application/json; charset=utf-8", Encoding.UTF8, earlier.StatusCode);
    }

    /// <summary>
    /// The method, path and every argument bound from the request (body, route and query values): what makes
    /// two requests "the same". Services, the caller and the cancellation token are not part of the request.
    /// </summary>
    private static byte[] RequestHash(HttpContext http, IList<object?> arguments)
    {
        var sent = arguments.Where(a => a is not (null or CancellationToken or CallerIdentity or HttpContext)
            && http.RequestServices.GetService(a.GetType()) is null);
        var text = $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(sent)}";
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }
}
