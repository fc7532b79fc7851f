using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.ImportBetterAuth;

/// <summary>
/// Copies one batch of BetterAuth users and their passwords; the caller gives each batch a scope (and so
/// a transaction) of its own. Rows are matched by id, then by email; a re-run writes nothing new. With
/// dryRun nothing is saved, but the counts are those a real run would report. One unusable row never
/// fails its batch: it is skipped and counted with its reason.
/// </summary>
internal sealed class UserBatchImporter(IAuthDbContext db, IPasswordHashFormats hashFormats)
{
    private const int MaxIdLength = 64;

    public async Task<ImportBetterAuthUsersResult> ImportAsync(IReadOnlyList<BetterAuthUser> batch, bool dryRun, CancellationToken cancellationToken)
    {
        var ids = batch.Select(u => u.Id).ToList();
        var emails = batch
            .Select(u => EmailAddress.TryCreate(u.Email, out var email) ? email.Value : null)
            .OfType<string>().Distinct().ToList();
        var byId = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
        var idByEmail = await db.Users.Where(u => emails.Contains(u.Email))
            .ToDictionaryAsync(u => u.Email, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var credentials = await db.PasswordCredentials.Where(c => ids.Contains(c.UserId))
            .ToDictionaryAsync(c => c.UserId, StringComparer.Ordinal, cancellationToken);

        var users = new ImportTallyBuilder();
        var passwords = new ImportTallyBuilder();
        var createdIds = new List<string>();
        var refused = new List<RefusedPasswordHash>();
        foreach (var source in batch)
        {
            if (Problem(source, out var email) is { } problem)
            {
                users.Skipped(problem);
                passwords.Skipped(ImportSkipReasons.UserNotImported);
                continue;
            }

            if (byId.TryGetValue(source.Id, out var user))
            {
                if (MergeProfile(user, source, email, idByEmail) is { } unchanged)
                {
                    users.Skipped(unchanged);
                }
                else
                {
                    users.Updated();
                }
            }
            else if (idByEmail.ContainsKey(email.Value))
            {
                // Someone already has this email here (e.g. signed up during the move): never merge two accounts.
                users.Skipped(ImportSkipReasons.EmailTaken);
                passwords.Skipped(ImportSkipReasons.UserNotImported);
                continue;
            }
            else
            {
                user = User.Restore(source.Id, source.Name, email, source.EmailVerified, source.Image, source.CreatedAt, source.UpdatedAt);
                db.Users.Add(user);
                idByEmail[email.Value] = user.Id;
                users.Created();
                createdIds.Add(user.Id);
            }

            ImportPassword(source, credentials.GetValueOrDefault(source.Id), passwords, refused);
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ImportBetterAuthUsersResult(users.Build(), passwords.Build(), createdIds, refused);
    }

    private static string? Problem(BetterAuthUser source, out EmailAddress email)
    {
        if (!EmailAddress.TryCreate(source.Email, out email))
        {
            return ImportSkipReasons.InvalidEmail;
        }

        if (string.IsNullOrEmpty(source.Id) || source.Id.Length > MaxIdLength)
        {
            return ImportSkipReasons.InvalidId;
        }

        if (string.IsNullOrWhiteSpace(source.Name) || source.Name.Length > User.MaxNameLength)
        {
            return ImportSkipReasons.InvalidName;
        }

        return source.Image is { Length: > User.MaxImageLength } ? ImportSkipReasons.InvalidImage : null;
    }

    /// <summary>Takes over a profile changed in BetterAuth after the last import; null when it did.</summary>
    private static string? MergeProfile(User user, BetterAuthUser source, EmailAddress email, Dictionary<string, string> idByEmail)
    {
        var same = user.Name == source.Name.Trim() && user.Email == email.Value && user.EmailVerified == source.EmailVerified
            && user.Image == (string.IsNullOrWhiteSpace(source.Image) ? null : source.Image);
        if (same)
        {
            return ImportSkipReasons.UpToDate;
        }

        if (source.UpdatedAt <= user.UpdatedAt)
        {
            return ImportSkipReasons.ChangedHere;
        }

        if (idByEmail.TryGetValue(email.Value, out var owner) && owner != user.Id)
        {
            return ImportSkipReasons.EmailTaken;
        }

        user.ApplyImportedProfile(source.Name, email, source.EmailVerified, source.Image, source.UpdatedAt);
        idByEmail[email.Value] = user.Id;
        return null;
    }

    private void ImportPassword(BetterAuthUser source, PasswordCredential? existing, ImportTallyBuilder passwords, List<RefusedPasswordHash> refused)
    {
        var assessment = source.Credential is { } stored ? hashFormats.Assess(stored.PasswordHash) : StoredHashAssessment.UnknownFormat;
        if (source.Credential is not { } credential)
        {
            passwords.Skipped(ImportSkipReasons.NoPassword);
        }
        else if (assessment.Verdict == StoredHashVerdict.OutOfBounds)
        {
            // An absurd cost would make every sign-in of this user a denial of service: refused, and named.
            passwords.Skipped(ImportSkipReasons.HashOutOfBounds);
            refused.Add(new RefusedPasswordHash(source.Id, assessment.Problem ?? ImportSkipReasons.HashOutOfBounds));
        }
        else if (assessment.Verdict != StoredHashVerdict.Verifiable || credential.Id.Length is 0 or > MaxIdLength)
        {
            passwords.Skipped(ImportSkipReasons.UnsupportedHash);
            refused.Add(new RefusedPasswordHash(source.Id, ImportSkipReasons.UnsupportedHash));
        }
        else if (existing is null)
        {
            db.PasswordCredentials.Add(PasswordCredential.Restore(credential.Id, source.Id, credential.PasswordHash, credential.CreatedAt, credential.UpdatedAt));
            passwords.Created();
        }
        else if (existing.PasswordHash == credential.PasswordHash)
        {
            passwords.Skipped(ImportSkipReasons.UpToDate);
        }
        else if (credential.UpdatedAt <= existing.UpdatedAt)
        {
            // Rehashed at a sign-in here, or changed here: ours is the newer password.
            passwords.Skipped(ImportSkipReasons.ChangedHere);
        }
        else
        {
            // Changed in BetterAuth after the last import.
            existing.ReplaceHash(credential.PasswordHash, credential.UpdatedAt);
            passwords.Updated();
        }
    }
}

/// <summary>
/// Counts for users and for their passwords, the ids of the users this batch created, and the users whose
/// password hash was refused, with the reason (e.g. its cost parameters), so operators can follow up.
/// </summary>
public sealed record ImportBetterAuthUsersResult(ImportTally Users, ImportTally Credentials, IReadOnlyList<string> CreatedUserIds, IReadOnlyList<RefusedPasswordHash> RefusedHashes);

/// <summary>A user whose password was not taken over, and why (never the hash itself).</summary>
public sealed record RefusedPasswordHash(string UserId, string Reason);
