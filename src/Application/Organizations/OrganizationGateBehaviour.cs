using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// The one gate of organization routes: for every <see cref="IOrganizationRequest"/> it resolves the organization,
/// finds the caller's membership and checks the declared permission before the handler runs, so no handler can
/// forget it and a non-member never reaches another tenant's rows. Other messages pass straight through, and resolve
/// nothing: the hot path (get-session, /token) gets no database context from here.
/// </summary>
public sealed class OrganizationGateBehaviour<TMessage, TResponse>(IServiceProvider services)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IOrganizationRequest request)
        {
            return await next(message, cancellationToken);
        }

        var refusal = await AdmitAsync(request, cancellationToken);
        if (refusal is null)
        {
            return await next(message, cancellationToken);
        }

        return ResultFactory<TResponse>.Failure is { } failure
            ? failure(refusal)
            : throw new InvalidOperationException($"{typeof(TMessage).Name} is an organization request but its response type is not a Result<T>.");
    }

    private async Task<Error?> AdmitAsync(IOrganizationRequest request, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<OrganizationOptions>>().Value;
        if (request is IOrganizationRoleRequest && !options.DynamicAccessControl.Enabled)
        {
            return Errors.Organizations.DynamicAccessControlDisabled;
        }

        var db = services.GetRequiredService<IAuthDbContext>();
        var roles = services.GetRequiredService<OrganizationRoles>();
        var access = services.GetRequiredService<OrganizationAccess>();
        var gate = request.Gate;
        Organization? organization;
        switch (gate.Target)
        {
            case OrganizationTarget.OfInvitation(var invitationId):
            {
                var organizationId = await db.Invitations.AsNoTracking().Where(i => i.Id == invitationId).Select(i => i.OrganizationId).FirstOrDefaultAsync(cancellationToken);
                if (organizationId is null)
                {
                    return Errors.Organizations.InvitationNotFound;
                }

                organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
                break;
            }

            case OrganizationTarget.OfTeam(var teamId):
            {
                if (teamId is null)
                {
                    return gate.NoOrganization;
                }

                var organizationId = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.OrganizationId).FirstOrDefaultAsync(cancellationToken);
                if (organizationId is null)
                {
                    return Errors.Organizations.TeamNotFound;
                }

                organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
                break;
            }

            case OrganizationTarget.Named(var id, var slug, var useActive):
            {
                if (!string.IsNullOrEmpty(slug))
                {
                    organization = await db.Organizations.FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
                    break;
                }

                var organizationId = !string.IsNullOrEmpty(id) ? id : useActive ? request.Actor.ActiveOrganizationId : null;
                if (organizationId is null)
                {
                    return gate.NoOrganization; // null: the use case answers "no organization" itself
                }

                organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
                break;
            }

            default:
                throw new InvalidOperationException("Unknown organization target.");
        }

        if (organization is null)
        {
            return Errors.Organizations.NotFound;
        }

        var member = await db.Members.FirstOrDefaultAsync(m => m.OrganizationId == organization.Id && m.UserId == request.Actor.UserId, cancellationToken);
        if (member is null)
        {
            return gate.NotMember;
        }

        var inForce = await services.GetRequiredService<OrganizationRoleBook>().InAsync(organization.Id, cancellationToken);
        if (gate.Permission is { } permission
            && !(gate.CreatorRoleBypasses && member.Holds(roles.CreatorRole))
            && !inForce.Authorizes(member.Role, permission))
        {
            return gate.Refusal ?? throw new InvalidOperationException("A permission without its refusal.");
        }

        access.Grant(organization, member, inForce);
        return null;
    }
}
