using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>The signing_keys table as it is, read without tracking; resolved lazily, as doctor runs on settings the service may refuse.</summary>
public sealed class SigningKeyRows(IServiceProvider services) : ISigningKeyRows
{
    public async Task<IReadOnlyList<SigningKey>?> ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(cancellationToken);
            return await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            return null;
        }
    }
}
