using AuthPlatform.Infrastructure.Passwords;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Benchmarks;

/// <summary>
/// Argon2id at the configured (default: OWASP m=19 MiB, t=2, p=1) cost, hash and verify; BetterAuth's scrypt
/// (N=16384, r=16, p=1) verify, as for imported users. These bound sign-in: one hash per sign-in.
/// </summary>
public class PasswordHashingBenchmarks
{
    private const string Password = "correct horse battery";

    // A BetterAuth hash of "correct horse battery" (see BetterAuthScryptHashFormatTests).
    private const string ScryptHash =
        "0123456789abcdef0123456789abcdef:b87ad68e260d745e9edfac97cc70f72a8fbb1771cf033e8d2b3c360d3788e3548d977bae5090f5d6cd75f5190a6fbe6b0b5737d5420119bd1e44ccdc779acfe5";

    private readonly Argon2idHashFormat _argon2id = new(Options.Create(new PasswordHashingOptions()));
    private readonly BetterAuthScryptHashFormat _scrypt = new();
    private string _argon2idHash = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _argon2idHash = _argon2id.Hash(Password);
        if (!_argon2id.Verify(Password, _argon2idHash, out _) || !_scrypt.Verify(Password, ScryptHash, out _))
        {
            throw new InvalidOperationException("the benchmark hashes do not verify");
        }
    }

    [Benchmark]
    public string Argon2id_hash() => _argon2id.Hash(Password);

    [Benchmark]
    public bool Argon2id_verify() => _argon2id.Verify(Password, _argon2idHash, out _);

    [Benchmark]
    public bool BetterAuth_scrypt_verify() => _scrypt.Verify(Password, ScryptHash, out _);
}
