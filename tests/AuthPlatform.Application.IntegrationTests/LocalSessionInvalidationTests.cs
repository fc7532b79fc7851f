using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Organizations;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Infrastructure.SessionCache;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// The writing instance drops what a save changed from its own session cache before the request answers.
/// No listener runs here, so no notification ever arrives: whatever leaves the cache left through the
/// save itself, and a miss would answer the old role from memory.
/// </summary>
public sealed class LocalSessionInvalidationTests(TestDatabase database) : IAsyncLifetime
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
    public async Task A_member_added_changed_or_removed_leaves_the_cache_at_once_and_the_next_answer_has_the_new_role()
    {
        var session = await SignUpAsync("ann@example.com");
        var organization = await InScopeAsync(async db =>
        {
            var created = Organization.Create("Acme", "acme", null, null, DateTimeOffset.UtcNow);
            db.Organizations.Add(created);
            var own = await db.Sessions.SingleAsync();
            own.SetActiveOrganization(created.Id);
            await db.SaveChangesAsync(CancellationToken.None);
            return created;
        });

        Assert.Null(await RoleAsync(session));
        Assert.Equal(1, _cache.Count);

        await SaveAsync(db => db.Members.Add(Member.Join(organization.Id, UserIdOf(db), ["member"], DateTimeOffset.UtcNow)));
        Assert.Equal(0, _cache.Count);
        Assert.Equal("member", await RoleAsync(session));
        Assert.Equal(1, _cache.Count);

        await SaveAsync(async db =>
        {
            var member = await db.Members.SingleAsync();
            ((DbContext)db).Entry(member).Property(m => m.Role).CurrentValue = "admin,member"; // as update-member-role does
        });
        Assert.Equal(0, _cache.Count);
        Assert.Equal("admin,member", await RoleAsync(session));

        await SaveAsync(async db => db.Members.Remove(await db.Members.SingleAsync()));
        Assert.Equal(0, _cache.Count);
        Assert.Null(await RoleAsync(session));
    }

    [Fact]
    public async Task Deleting_an_organization_or_a_team_empties_the_cache_since_the_database_clears_them_from_sessions()
    {
        var ann = await SignUpAsync("ann@example.com");
        var bob = await SignUpAsync("bob@example.com");
        var (organization, team) = await InScopeAsync(async db =>
        {
            var created = Organization.Create("Acme", "acme", null, null, DateTimeOffset.UtcNow);
            db.Organizations.Add(created);
            var squad = Team.Create(created.Id, "Squad", DateTimeOffset.UtcNow);
            db.Teams.Add(squad);
            foreach (var s in await db.Sessions.ToListAsync())
            {
                s.SetActiveOrganization(created.Id);
                s.SetActiveTeam(squad.Id);
                db.Members.Add(Member.Join(created.Id, s.UserId, ["member"], DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return (created, squad);
        });

        Assert.Equal(team.Id, (await LookupAsync(ann)).Session.ActiveTeamId);
        Assert.Equal(team.Id, (await LookupAsync(bob)).Session.ActiveTeamId);
        Assert.Equal(2, _cache.Count);

        await SaveAsync(async db => db.Teams.Remove(await db.Teams.SingleAsync()));
        Assert.Equal(0, _cache.Count);
        Assert.Null((await LookupAsync(ann)).Session.ActiveTeamId);
        Assert.Equal(organization.Id, (await LookupAsync(bob)).Session.ActiveOrganizationId);

        await SaveAsync(async db => db.Organizations.Remove(await db.Organizations.SingleAsync()));
        Assert.Equal(0, _cache.Count);
        Assert.Null((await LookupAsync(ann)).Session.ActiveOrganizationId);
        Assert.Null((await LookupAsync(bob)).ActiveOrganizationRole);
    }

    private static string UserIdOf(IAuthDbContext db) => db.Users.Select(u => u.Id).Single();

    private async Task<SessionToken> SignUpAsync(string email)
    {
        var result = await _host.SendAsync(new SignUpCommand("Ann", email, "correct horse battery staple", null, true, new ClientInfo("203.0.113.7", "tests")));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value.Session!.Token;
    }

    private async Task<string?> RoleAsync(SessionToken token) => (await LookupAsync(token)).ActiveOrganizationRole;

    private async Task<CurrentSession> LookupAsync(SessionToken token)
    {
        _cache.Confirm(Environment.TickCount64); // as the listener's heartbeat would: the cache answers
        var result = await _host.QueryAsync(new GetSessionQuery(token, true, "cookie"));
        Assert.True(result.IsSuccess);
        return Assert.IsType<CurrentSession>(result.Value.Current);
    }

    private async Task<T> InScopeAsync<T>(Func<IAuthDbContext, Task<T>> write)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<IAuthDbContext>());
    }

    private Task SaveAsync(Func<IAuthDbContext, Task> change) => InScopeAsync(async db =>
    {
        await change(db);
        return await db.SaveChangesAsync(CancellationToken.None);
    });

    private Task SaveAsync(Action<IAuthDbContext> change) => SaveAsync(db =>
    {
        change(db);
        return Task.CompletedTask;
    });
}
