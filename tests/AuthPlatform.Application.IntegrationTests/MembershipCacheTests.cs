using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Application.Organizations.HasPermission;
using AuthPlatform.Application.Organizations.UpdateOrganization;
using AuthPlatform.Domain.Organizations;
using AuthPlatform.Infrastructure.SessionCache;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// Read-only organization requests pass the gate on a membership held in memory; the notifications the listener
/// applies ("u:" for a member row, "o:" for an organization or its roles) end it. No listener runs here: the tests
/// change rows behind the cache's back with plain SQL, so an answer that follows them came from the database and one
/// that does not came from memory.
/// </summary>
public sealed class MembershipCacheTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly Dictionary<string, string[]> DeleteMembers = new() { ["member"] = ["delete"] };

    private ApplicationHost _host = null!;
    private InProcessSessionCache _cache = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString);
        _cache = _host.Services.GetRequiredService<InProcessSessionCache>();
        _cache.StartServing();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Has_permission_is_answered_from_memory_until_the_member_row_notification_arrives()
    {
        var (actor, organization) = await AdminOfNewOrganizationAsync();

        Assert.True(await HasPermissionAsync(actor, organization.Id));
        Assert.Equal(1, _cache.MembershipCount);

        await DemoteAsync(); // the trigger's notification reaches no listener here
        Assert.True(await HasPermissionAsync(actor, organization.Id)); // from memory

        _cache.Apply($"u:{actor.UserId}"); // the notification the members trigger sends
        Assert.Equal(0, _cache.MembershipCount);
        Assert.False(await HasPermissionAsync(actor, organization.Id));
    }

    [Fact]
    public async Task An_organization_notification_drops_its_memberships_and_a_command_always_reads_the_database()
    {
        var (actor, organization) = await AdminOfNewOrganizationAsync();
        Assert.True(await HasPermissionAsync(actor with { ActiveOrganizationId = organization.Id }, null)); // the active organization
        Assert.Equal(1, _cache.MembershipCount);

        await DemoteAsync();
        var update = await _host.SendAsync(new UpdateOrganizationCommand(actor, organization.Id, "Renamed", null, null, null));
        Assert.Equal(Errors.Organizations.NotAllowedToUpdate.Code, update.Error?.Code); // commands never pass on memory

        _cache.Apply($"o:{organization.Id}"); // the notification the organizations trigger sends
        Assert.Equal(0, _cache.MembershipCount);
        Assert.False(await HasPermissionAsync(actor, organization.Id));
    }

    [Fact]
    public async Task The_writing_instance_drops_memberships_of_an_organization_it_changed_at_once()
    {
        var (actor, organization) = await AdminOfNewOrganizationAsync();
        Assert.True(await HasPermissionAsync(actor, organization.Id));
        Assert.Equal(1, _cache.MembershipCount);

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IAuthDbContext>();
            (await db.Organizations.SingleAsync()).Update("Renamed", null, null, null);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        Assert.Equal(0, _cache.MembershipCount);
    }

    /// <summary>Plain SQL: the members trigger notifies, but no listener runs here to hear it.</summary>
    private Task<long> DemoteAsync() =>
        database.ScalarAsync<long>("with demoted as (update members set role = 'member' returning 1) select count(*) from demoted");

    private async Task<bool> HasPermissionAsync(OrganizationActor actor, string? organizationId)
    {
        _cache.Confirm(Environment.TickCount64); // as the listener's heartbeat would: the cache answers
        var result = await _host.QueryAsync(new HasPermissionQuery(actor, organizationId, DeleteMembers));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value.Success;
    }

    private async Task<(OrganizationActor Actor, Organization Organization)> AdminOfNewOrganizationAsync()
    {
        var signedUp = await _host.SendAsync(new SignUpCommand("Ann", "ann@example.com", "correct horse battery staple", null, true, new ClientInfo("203.0.113.7", "tests")));
        Assert.True(signedUp.IsSuccess, signedUp.Error?.Code);
        var session = signedUp.Value.Session!;
        var organization = Organization.Create("Acme", "acme", null, null, DateTimeOffset.UtcNow);
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IAuthDbContext>();
            db.Organizations.Add(organization);
            db.Members.Add(Member.Join(organization.Id, session.User.Id, [DefaultOrganizationRoles.Admin], DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return (new OrganizationActor(session.User.Id, session.Session.Id, "ann@example.com", true, null), organization);
    }
}
