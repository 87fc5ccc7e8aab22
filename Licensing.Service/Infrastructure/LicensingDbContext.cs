using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Model;

namespace Platform.Licensing.Infrastructure;

/// <summary>The service's tables. The schema itself is owned by the SQL migrations; this maps onto it.</summary>
public sealed class LicensingDbContext(DbContextOptions<LicensingDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.Property(t => t.Id).HasColumnName("id");
            tenant.Property(t => t.Name).HasColumnName("name");
            tenant.Property(t => t.Plan).HasColumnName("plan").HasConversion(LowerCase<RateLimitPlan>());
            tenant.Property(t => t.KeyPrefix).HasColumnName("key_prefix");
            tenant.Property(t => t.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        });
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.TenantId).HasColumnName("tenant_id");
            key.Property(k => k.Environment).HasColumnName("environment").HasConversion(LowerCase<ApiEnvironment>());
            key.Property(k => k.Name).HasColumnName("name");
            key.Property(k => k.Digest).HasColumnName("digest");
            key.Property(k => k.DisplayPrefix).HasColumnName("display_prefix");
            key.Property(k => k.Scopes).HasColumnName("scopes");
            key.Property(k => k.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
            key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
            key.Property(k => k.LastUsedAt).HasColumnName("last_used_at");
            key.HasIndex(k => k.Digest).IsUnique();
            key.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId);
        });
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> LowerCase<T>() where T : struct, Enum =>
        new(value => value.ToString().ToLowerInvariant(), text => Enum.Parse<T>(text, ignoreCase: true));
}
