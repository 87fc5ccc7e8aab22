using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.Licensing.Model;

namespace Platform.Licensing.Infrastructure;

/// <summary>
/// The service's tables. The schema is owned by the SQL migrations; this maps onto it by convention:
/// snake_case tables and columns, enums stored as lower-case text, JSON documents as jsonb.
/// </summary>
public sealed class LicensingDbContext(DbContextOptions<LicensingDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<License> Licenses => Set<License>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Machine> Machines => Set<Machine>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<SeatLease> SeatLeases => Set<SeatLease>();
    public DbSet<UsageRecord> UsageRecords => Set<UsageRecord>();
    public DbSet<ValidationFailureNotice> ValidationFailureNotices => Set<ValidationFailureNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>().ToTable("tenants");
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.HasIndex(k => k.Digest).IsUnique();
            key.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId);
        });
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.Metadata).HasColumnType("jsonb");
            product.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId);
        });
        modelBuilder.Entity<License>(license =>
        {
            license.ToTable("licenses");
            license.Property(l => l.Metadata).HasColumnType("jsonb");
            // Every change bumps the version; a change made from a stale read must not commit (409, not a lost update).
            license.Property(l => l.Version).IsConcurrencyToken();
            license.Property(l => l.UpdatedAt).HasDefaultValueSql("now()");
            license.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId);
            license.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId);
            license.HasOne<Plan>().WithMany().HasForeignKey(l => l.PlanId);
        });
        modelBuilder.Entity<Machine>(machine =>
        {
            machine.ToTable("machines");
            machine.Property(m => m.ActivatedAt).HasDefaultValueSql("now()");
            machine.HasOne<License>().WithMany().HasForeignKey(m => m.LicenseId);
        });
        modelBuilder.Entity<Plan>(plan =>
        {
            plan.ToTable("plans");
            plan.Property(p => p.Metadata).HasColumnType("jsonb");
            plan.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId);
        });
        modelBuilder.Entity<SeatLease>(lease =>
        {
            lease.ToTable("seat_leases");
            lease.HasOne<License>().WithMany().HasForeignKey(l => l.LicenseId);
        });
        modelBuilder.Entity<UsageRecord>(usage =>
        {
            usage.ToTable("usage_records");
            usage.Property(u => u.Id).UseIdentityByDefaultColumn();
        });
        modelBuilder.Entity<ValidationFailureNotice>(notice =>
        {
            notice.ToTable("validation_failure_notices");
            notice.HasKey(n => new { n.LicenseId, n.Code });
        });
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_keys");
            record.HasKey(r => new { r.TenantId, r.Environment, r.Key });
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("outbox");
            message.Property(m => m.Payload).HasColumnType("jsonb");
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                if (property.Name == "CreatedAt")
                {
                    property.SetDefaultValueSql("now()");
                }

                if (property.ClrType.IsEnum)
                {
                    property.SetValueConverter((ValueConverter)Activator.CreateInstance(typeof(LowerCaseEnumConverter<>).MakeGenericType(property.ClrType))!);
                }
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>An enum from its column's text (<c>keep_access</c> is <see cref="ExpiryBehavior.KeepAccess"/>).</summary>
    internal static T ParseEnum<T>(string text) where T : struct, Enum => Enum.Parse<T>(text.Replace("_", "", StringComparison.Ordinal), true);

    private sealed class LowerCaseEnumConverter<T>() : ValueConverter<T, string>(value => SnakeCase(value.ToString()), text => ParseEnum<T>(text))
        where T : struct, Enum;
}
