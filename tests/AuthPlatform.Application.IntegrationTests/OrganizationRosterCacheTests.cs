using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Application.Organizations.GetFullOrganization;
using AuthPlatform.Domain.Organizations;
using AuthPlatform.Infrastructure.SessionCache;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// get-full-organization answers its members and invitations from memory; the notifications the listener applies end
/// the roster: "u:" of any member (a new name), "o:" of the organization (a member or an invitation changed). No
/// listener runs here: rows change behind the cache's back with plain SQL, so an answer that follows them came from
/// the database and one that does not came from memory.
/// </summary>
public sealed class OrganizationRosterCacheTests(TestDatabase database) : IAsyncLifetime
{
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
    public async Task A_member_renamed_shows_once_their_user_notification_arrives()
    {
        var (actor, organization) = await OwnerOfNewOrganizationAsync();
        Assert.Equal("Ann", (await FullAsync(actor, organization.Id)).Members.Single().User.Name);
        Assert.Equal(1, _cache.RosterCount);

        await database.ScalarAsync<long>("with renamed as (update users set name = 'Annie' returning 1) select count(*) from renamed");
        Assert.Equal("Ann", (await FullAsync(actor, organization.Id)).Members.Single().User.Name); // from memory

        _cache.Apply($"u:{actor.UserId}"); // the notification the users trigger sends
        Assert.Equal(0, _cache.RosterCount);
        Assert.Equal("Annie", (await FullAsync(actor, organization.Id)).Members.Single().User.Name);
    }

    [Fact]
    public async Task A_member_or_invitation_changed_elsewhere_shows_once_the_organization_notification_arrives()
    {
        var (actor, organization) = await OwnerOfNewOrganizationAsync();
        Assert.Equal("owner", (await FullAsync(actor, organization.Id)).Members.Single().Role);

        await database.ScalarAsync<long>("with changed as (update members set role = 'owner,admin' returning 1) select count(*) from changed");
        Assert.Equal("owner", (await FullAsync(actor, organization.Id)).Members.Single().Role); // from memory

        _cache.Apply($"o:{organization.Id}"); // the notification the members and invitations triggers send
        Assert.Equal("owner,admin", (await FullAsync(actor, organization.Id)).Members.Single().Role);
    }

    [Fact]
    public async Task The_writing_instance_drops_the_roster_of_an_organization_it_invited_to_at_once()
    {
        var (actor, organization) = await OwnerOfNewOrganizationAsync();
        Assert.Empty((await FullAsync(actor, organization.Id)).Invitations);
        Assert.Equal(1, _cache.RosterCount);

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IAuthDbContext>();
            db.Invitations.Add(Invitation.Issue(organization.Id, "bob@example.com", "member", actor.UserId, TimeSpan.FromDays(2), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        Assert.Equal(0, _cache.RosterCount);
        Assert.Equal("bob@example.com", Assert.Single((await FullAsync(actor, organization.Id)).Invitations).Email);
    }

    private async Task<FullOrganizationDto> FullAsync(OrganizationActor actor, string organizationId)
    {
        _cache.Confirm(Environment.TickCount64); // as the listener's heartbeat would: the cache answers
        var result = await _host.QueryAsync(new GetFullOrganizationQuery(actor, organizationId, null, null));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return Assert.IsType<FullOrganizationDto>(result.Value);
    }

    private async Task<(OrganizationActor Actor, Organization Organization)> OwnerOfNewOrganizationAsync()
    {
        var signedUp = await _host.SendAsync(new SignUpCommand("Ann", "ann@example.com", "correct horse battery staple", null, true, new ClientInfo("203.0.113.7", "tests")));
        Assert.True(signedUp.IsSuccess, signedUp.Error?.Code);
        var session = signedUp.Value.Session!;
        var organization = Organization.Create("Acme", "acme", null, null, DateTimeOffset.UtcNow);
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IAuthDbContext>();
            db.Organizations.Add(organization);
            db.Members.Add(Member.Join(organization.Id, session.User.Id, [DefaultOrganizationRoles.Owner], DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return (new OrganizationActor(session.User.Id, session.Session.Id, "ann@example.com", true, null), organization);
    }
}
