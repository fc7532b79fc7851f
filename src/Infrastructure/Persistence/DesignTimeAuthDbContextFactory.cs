using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the service. No database is
/// contacted when adding a migration; DATABASE_URL is used if set (for `dotnet ef database update`).
/// </summary>
internal sealed class DesignTimeAuthDbContextFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args)
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL") ?? "Host=localhost;Database=authplatform;Username=postgres";
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContextSetup.Configure(options, DatabaseConnectionString.Build(new DatabaseOptions { Url = url }));
        return new AuthDbContext(options.Options);
    }
}
