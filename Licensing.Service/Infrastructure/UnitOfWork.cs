using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Licensing.Infrastructure;

/// <summary>
/// A model operation's transaction: its own, or the one the context is already in (the idempotency filter's, which stores
/// the answer in the same transaction and commits both). Only a transaction begun here is committed here.
/// </summary>
internal sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? own;

    private UnitOfWork(IDbContextTransaction? own) => this.own = own;

    public static async Task<UnitOfWork> BeginAsync(LicensingDbContext db, CancellationToken cancellationToken) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken) => own?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
