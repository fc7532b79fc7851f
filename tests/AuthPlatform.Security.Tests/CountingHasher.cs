using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Passwords;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthPlatform.Security.Tests;

/// <summary>The real hasher, counted: shows which requests paid for a hash and which did not.</summary>
public sealed class CountingHasher
{
    private int _hashes;

    public int Hashes => Volatile.Read(ref _hashes);

    public void Reset() => Interlocked.Exchange(ref _hashes, 0);

    public void Install(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher>(sp => new Counted(sp.GetRequiredService<PasswordHasher>(), this)));

    private sealed class Counted(IPasswordHasher inner, CountingHasher owner) : IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._hashes);
            return inner.HashAsync(password, cancellationToken);
        }

        public ValueTask<PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._hashes);
            return inner.VerifyAsync(password, storedHash, cancellationToken);
        }

        public ValueTask<PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._hashes);
            return inner.VerifyAgainstDummyAsync(password, cancellationToken);
        }
    }
}
