using System.Globalization;
using AuthPlatform.Domain.SigningKeys;

namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// A key signs now, and the next one is on its way: published ahead (shown with the day it starts
/// signing) or due to be created on a known day. Without an active key /token answers 503 and
/// get-session sends no JWT. A successor that is overdue means no instance rotates automatically.
/// </summary>
public sealed class SigningKeysCheck : IDoctorCheck
{
    public string Name => "signing-keys";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (await KeyRingRows.ReadAsync(context, cancellationToken) is not { } ring)
        {
            return DoctorResult.Skip("needs the database and its migrations");
        }

        if (ring.Keys.Count == 0)
        {
            return DoctorResult.Warn("no signing keys yet: /token answers 503 until one exists",
                "start an instance (its start-up creates the first key) or run `rotate-keys`");
        }

        var jwt = context.Jwt;
        var keys = jwt.Keys;
        var now = ring.Now;
        if (ring.Keys.ActiveAt(now) is not { } active)
        {
            var known = string.Join("; ", ring.Keys.OrderByDescending(k => k.ActivatesAt).Select(k => $"{k.Id} {ring.StatusOf(k)}{When(k)}"));
            return DoctorResult.Fail(
                $"no signing key is active: /token answers 503 and get-session sends no JWT (keys: {known})",
                "run `rotate-keys --now`: it creates a key that signs at once");
        }

        var findings = new List<DoctorFinding>();
        var successor = ring.Keys.Where(k => k.StatusAt(now) == SigningKeyStatus.Published && k.ActivatesAt > active.ActivatesAt).MinBy(k => k.ActivatesAt);
        string next;
        if (successor is not null)
        {
            next = $"next {successor.Id} ({successor.Algorithm.JoseName()}) published, signs from {Day(successor.ActivatesAt)}";
        }
        else
        {
            var due = active.ActivatesAt + keys.RotationInterval - keys.PublishAhead;
            next = $"no next key yet: due to be created {Day(due)}, to sign from {Day(due + keys.PublishAhead)}";
            if (due < now)
            {
                findings.Add(DoctorFinding.Warning(
                    $"the next signing key was due on {Day(due)} and does not exist: no instance is rotating keys automatically{(keys.AutomaticRotation ? string.Empty : " (Auth:Jwt:Keys:AutomaticRotation is false)")}; {active.Id} keeps signing.",
                    "run `rotate-keys` (the new key is published now and signs after Auth:Jwt:Keys:PublishAhead)"));
            }
        }

        if (SigningAlgorithms.TryParse(jwt.Algorithm, out var configured) && configured != active.Algorithm && successor?.Algorithm != configured)
        {
            findings.Add(DoctorFinding.Warning(
                $"the active key is {active.Algorithm.JoseName()} but AUTH_JWT_ALGORITHM is {configured.JoseName()}: tokens stay {active.Algorithm.JoseName()} until a {configured.JoseName()} key has been published for Auth:Jwt:Keys:PublishAhead.",
                "start an instance or run `rotate-keys`: it publishes a key of the configured algorithm"));
        }

        var summary = $"active {active.Id} ({active.Algorithm.JoseName()}) since {Day(active.ActivatesAt)}; {next}";
        // Only warnings here: a key signs, so tokens work. The summary keeps the schedule in view either way.
        return findings.Count == 0
            ? DoctorResult.Pass(summary)
            : DoctorResult.Warn(summary, findings.Count == 1 ? findings[0].Fix : "see each warning below", [.. findings.Select(f => $"warning: {f.Problem}")]);
    }

    private static string When(SigningKey key) => key.RetiresAt is { } retires ? $" (retired {Day(retires)})" : $" (signs from {Day(key.ActivatesAt)})";

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
