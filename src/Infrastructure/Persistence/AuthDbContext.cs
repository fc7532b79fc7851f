using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Accounts;
using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.OAuthClients;
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
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// The service's PostgreSQL database. Tables are snake_case (users, password_credentials, sessions, ...);
/// the mapping of each entity is in Configurations/, the schema history in Migrations/.
/// </summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : DbContext(options), IAuthDbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<PasswordCredential> PasswordCredentials => Set<PasswordCredential>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<VerificationTicket> VerificationTickets => Set<VerificationTicket>();

    public DbSet<MailedSecret> MailedSecrets => Set<MailedSecret>();

    public DbSet<MailJob> MailJobs => Set<MailJob>();

    public DbSet<TwoFactorEnrolment> TwoFactorEnrolments => Set<TwoFactorEnrolment>();

    public DbSet<BackupCode> BackupCodes => Set<BackupCode>();

    public DbSet<TwoFactorChallenge> TwoFactorChallenges => Set<TwoFactorChallenge>();

    public DbSet<TrustedDevice> TrustedDevices => Set<TrustedDevice>();

    public DbSet<Passkey> Passkeys => Set<Passkey>();

    public DbSet<WebAuthnChallenge> WebAuthnChallenges => Set<WebAuthnChallenge>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();

    public DbSet<OAuthConsentCodeUse> OAuthConsentCodeUses => Set<OAuthConsentCodeUse>();

    public DbSet<OAuthClientAssertionUse> OAuthClientAssertionUses => Set<OAuthClientAssertionUse>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<OrganizationRole> OrganizationRoles => Set<OrganizationRole>();

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new UniqueConstraintViolationException(unique.ConstraintName, ex);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The OAuth server's stores (OpenIddict's entities; table names in OAuthServer/OAuthServerTables.cs).
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuthDbContext).Assembly);
    }
}
