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

        // A query changes nothing, so it may pass on a membership held in memory and is handed untracked rows;
        // a command reads the rows it may change from the database, tracked.
        var readOnly = request is IBaseQuery;
        var memberships = readOnly ? services.GetRequiredService<IMembershipCache>() : null;
        var ticket = memberships?.BeginRead();
        if (ticket is not null && CachedOrganizationId(request) is { } cachedId && memberships!.TryGet(cachedId, request.Actor.UserId, out var hit))
        {
            return Admit(request, hit!.Organization, hit.Member, hit.Roles);
        }

        var db = services.GetRequiredService<IAuthDbContext>();
        var organizations = Rows(db.Organizations, readOnly);
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

                organization = await organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
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

                organization = await organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
                break;
            }

            case OrganizationTarget.Named(var id, var slug, var useActive):
            {
                if (!string.IsNullOrEmpty(slug))
                {
                    organization = await organizations.FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
                    break;
                }

                var organizationId = !string.IsNullOrEmpty(id) ? id : useActive ? request.Actor.ActiveOrganizationId : null;
                if (organizationId is null)
                {
                    return gate.NoOrganization; // null: the use case answers "no organization" itself
                }

                organization = await organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
                break;
            }

            default:
                throw new InvalidOperationException("Unknown organization target.");
        }

        if (organization is null)
        {
            return Errors.Organizations.NotFound;
        }

        var member = await Rows(db.Members, readOnly).FirstOrDefaultAsync(m => m.OrganizationId == organization.Id && m.UserId == request.Actor.UserId, cancellationToken);
        if (member is null)
        {
            return gate.NotMember;
        }

        var inForce = await services.GetRequiredService<OrganizationRoleBook>().InAsync(organization.Id, cancellationToken);
        if (ticket is { } readTicket)
        {
            memberships!.Store(new CachedMembership(organization, member, inForce), readTicket);
        }

        return Admit(request, organization, member, inForce);
    }

    /// <summary>The declared permission, checked the same way whether the membership came from memory or the database.</summary>
    private Error? Admit(IOrganizationRequest request, Organization organization, Member member, OrganizationRoleSet inForce)
    {
        var gate = request.Gate;
        if (gate.Permission is { } permission
            && !(gate.CreatorRoleBypasses && member.Holds(services.GetRequiredService<OrganizationRoles>().CreatorRole))
            && !inForce.Authorizes(member.Role, permission))
        {
            return gate.Refusal ?? throw new InvalidOperationException("A permission without its refusal.");
        }

        services.GetRequiredService<OrganizationAccess>().Grant(organization, member, inForce);
        return null;
    }

    /// <summary>The rows the handler is handed: untracked for a query, tracked for a command that may change them.</summary>
    private static IQueryable<T> Rows<T>(DbSet<T> rows, bool readOnly)
        where T : class => readOnly ? rows.AsNoTracking() : rows;

    /// <summary>
    /// The organization a membership in memory may answer for: named by id, or the session's active one. A slug is
    /// resolved by the database (slugs change; ids do not).
    /// </summary>
    private static string? CachedOrganizationId(IOrganizationRequest request) => request.Gate.Target switch
    {
        OrganizationTarget.Named { Slug: null or "" } named when !string.IsNullOrEmpty(named.OrganizationId) => named.OrganizationId,
        OrganizationTarget.Named { Slug: null or "" } named when named.UseActive => request.Actor.ActiveOrganizationId,
        _ => null,
    };
}
