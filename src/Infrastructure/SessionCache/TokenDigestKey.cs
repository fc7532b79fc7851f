using System.Buffers.Binary;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>A 32-byte token digest as a value key: no allocation per lookup, equality without a comparer.</summary>
internal readonly record struct TokenDigestKey(ulong A, ulong B, ulong C, ulong D)
{
    public static TokenDigestKey From(byte[] digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("A token digest is 32 bytes.", nameof(digest));
        }

        var span = digest.AsSpan();
        return new(
            BinaryPrimitives.ReadUInt64LittleEndian(span),
            BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[24..]));
    }
}
