using AuthPlatform.Domain.Accounts;
using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.OAuthConsents;
using AuthPlatform.Domain.Organizations;

using AuthPlatform.Domain.Passkeys;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Domain.TwoFactor;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using AuthPlatform.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// The database as handlers see it: EF Core sets, used directly (no repository layer on top; see
/// docs/adr/0001-architecture-and-layering.md). Implemented by Infrastructure's AuthDbContext.
/// </summary>
public interface IAuthDbContext
{
    DbSet<User> Users { get; }

    DbSet<PasswordCredential> PasswordCredentials { get; }

    DbSet<Session> Sessions { get; }

    DbSet<SigningKey> SigningKeys { get; }

    DbSet<VerificationTicket> VerificationTickets { get; }

    /// <summary>Mailed magic links and one-time codes, as digests.</summary>
    DbSet<MailedSecret> MailedSecrets { get; }

    /// <summary>The mail outbox: rows written in the request's transaction, delivered by the outbox sender.</summary>
    DbSet<MailJob> MailJobs { get; }

    DbSet<TwoFactorEnrolment> TwoFactorEnrolments { get; }

    DbSet<BackupCode> BackupCodes { get; }

    DbSet<TwoFactorChallenge> TwoFactorChallenges { get; }

    DbSet<TrustedDevice> TrustedDevices { get; }

    DbSet<Passkey> Passkeys { get; }

    DbSet<WebAuthnChallenge> WebAuthnChallenges { get; }

    /// <summary>Users' identities at external identity providers (social sign-in).</summary>
    DbSet<Account> Accounts { get; }

    /// <summary>Authorization requests waiting for the provider's callback.</summary>
    DbSet<OAuthState> OAuthStates { get; }

    /// <summary>Answered OAuth consent codes (digests), until they expire: each is answered once.</summary>
    DbSet<OAuthConsentCodeUse> OAuthConsentCodeUses { get; }

    /// <summary>Keys users created for their programs (stored as digests).</summary>
    DbSet<ApiKey> ApiKeys { get; }

    /// <summary>The audit trail: security events, chained by digest once sealed (ADR 0139).</summary>
    DbSet<AuditEvent> AuditEvents { get; }

    /// <summary>Receivers of the audit trail's events (Standard Webhooks) and their delivery log.</summary>
    DbSet<WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    DbSet<Organization> Organizations { get; }

    DbSet<Member> Members { get; }

    DbSet<Invitation> Invitations { get; }

    /// <summary>An organization's teams and their members (docs/adr/0133).</summary>
    DbSet<Team> Teams { get; }

    DbSet<TeamMember> TeamMembers { get; }

    /// <summary>Roles an organization defines at run time (dynamic access control, docs/adr/0133).</summary>
    DbSet<OrganizationRole> OrganizationRoles { get; }

    /// <summary>
    /// Saves tracked changes in one transaction. A unique index violation surfaces as
    /// <see cref="Exceptions.UniqueConstraintViolationException"/>.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
