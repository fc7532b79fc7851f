using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.OAuthAuthorization.AdmitOAuthUser;

internal sealed class AdmitOAuthUserQueryHandler(IAuthDbContext db, SessionIssuer issuer)
    : IQueryHandler<AdmitOAuthUserQuery, Result<OAuthUser>>
{
    public async ValueTask<Result<OAuthUser>> Handle(AdmitOAuthUserQuery query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.UserId, cancellationToken);
        if (user is null)
        {
            return Errors.UserNotFound;
        }

        if (issuer.AdmitToOAuthClient(user) is { } refusal)
        {
            return refusal;
        }

        var session = query.SessionId is null ? null : await db.Sessions.AsNoTracking()
            .Where(s => s.Id == query.SessionId && s.UserId == user.Id)
            .Select(s => new { s.CreatedAt, s.AuthenticationMethods })
            .FirstOrDefaultAsync(cancellationToken);
        var methods = (session?.AuthenticationMethods ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var role = query.OrganizationId is not { } organizationId ? null : await db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.UserId == user.Id)
            .Select(m => m.Role)
            .FirstOrDefaultAsync(cancellationToken);
        var organization = role is null ? null : new OAuthOrganization(query.OrganizationId!, RoleNames.Parse(role));
        return new OAuthUser(user.Id, user.Name, user.Email, user.EmailVerified, session?.CreatedAt, methods, organization);
    }
}
