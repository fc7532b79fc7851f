using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Audit;

/// <summary>
/// One security event of the audit trail (a sign-in, a password change, a ban...): who did it (<see cref="ActorId"/>),
/// to whom (<see cref="SubjectUserId"/>), from where, with what outcome and why. Never a secret.
/// </summary>
/// <remarks>
/// Events are written in the transaction of the change they record, unchained, so recording never waits on another
/// request. The chain sealer then gives each event, in order, its <see cref="Position"/> and the digest of the one
/// before (<see cref="Seal"/>); <see cref="VerifyAfter"/> recomputes it, so an event altered or removed after sealing
/// breaks the chain at a position <c>doctor</c> names.
/// </remarks>
public sealed class AuditEvent
{
    public const int MaxTypeLength = 64;
    public const int MaxReasonLength = 200;
    public const int MaxUserAgentLength = 512;

    private AuditEvent()
    {
        Type = string.Empty;
        Outcome = AuditOutcome.Success;
    }

    /// <summary>Insertion order (identity); the chain order is <see cref="Position"/>.</summary>
    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>What happened, from <see cref="AuditEventTypes"/> (<c>sign-in</c>, <c>password.changed</c>...).</summary>
    public string Type { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    /// <summary>Why: the sign-in method, the error code of a failure, the ban reason. Never a secret.</summary>
    public string? Reason { get; private set; }

    /// <summary>Who acted: a user id, <c>operator</c> for the command line, <c>system</c> for jobs; null for an anonymous caller.</summary>
    public string? ActorId { get; private set; }

    /// <summary>The user the event is about (their own activity lists these).</summary>
    public string? SubjectUserId { get; private set; }

    public string? OrganizationId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>Place in the chain, from 1; null until sealed.</summary>
    public long? Position { get; private set; }

    /// <summary>The digest of the event at <see cref="Position"/> - 1 (empty for the first): a chain whose head was pruned still verifies.</summary>
    public byte[]? PreviousDigest { get; private set; }

    /// <summary>SHA-256 over the previous event's digest and this event's fields; null until sealed.</summary>
    public byte[]? Digest { get; private set; }

    public static AuditEvent Record(string type, AuditOutcome outcome, string? reason, string? actorId, string? subjectUserId,
        string? organizationId, string? ipAddress, string? userAgent, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(type) || type.Length > MaxTypeLength)
        {
            throw new DomainRuleException($"An audit event type must be 1 to {MaxTypeLength} characters.");
        }

        return new AuditEvent
        {
            Type = type,
            Outcome = outcome,
            Reason = Clip(reason, MaxReasonLength),
            ActorId = actorId,
            SubjectUserId = subjectUserId,
            OrganizationId = organizationId,
            IpAddress = ipAddress,
            UserAgent = Clip(userAgent, MaxUserAgentLength),
            OccurredAt = now,
        };
    }

    /// <summary>Places the event after the one whose digest is <paramref name="previousDigest"/> (empty for the first).</summary>
    public void Seal(long position, byte[] previousDigest)
    {
        if (Position is not null)
        {
            throw new DomainRuleException($"Audit event {Id} is already sealed at position {Position}.");
        }

        Position = position;
        PreviousDigest = previousDigest;
        Digest = ComputeDigest(position, previousDigest);
    }

    /// <summary>True when the stored digest is the one its fields and the previous digest give.</summary>
    public bool VerifyAfter(byte[] previousDigest) =>
        Position is { } position && Digest is { } digest && CryptographicOperations.FixedTimeEquals(digest, ComputeDigest(position, previousDigest));

    private byte[] ComputeDigest(long position, byte[] previousDigest)
    {
        // Length-prefixed fields: no two different events serialize alike.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousDigest);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, position);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, Id);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, OccurredAt.ToUniversalTime().Ticks / 10 * 10); // PostgreSQL keeps microseconds
        hash.AppendData(number);
        foreach (var field in new[] { Type, Outcome.ToString(), Reason, ActorId, SubjectUserId, OrganizationId, IpAddress, UserAgent })
        {
            var bytes = field is null ? [] : Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt64BigEndian(number, field is null ? -1 : bytes.Length);
            hash.AppendData(number);
            hash.AppendData(bytes);
        }

        return hash.GetHashAndReset();
    }

    private static string? Clip(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
