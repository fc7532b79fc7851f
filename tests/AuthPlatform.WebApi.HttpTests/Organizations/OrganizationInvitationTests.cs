using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>Invitations: only the verified recipient answers one, once, before it expires; cancel, reject, lists and limits.</summary>
[Trait("Tier", "fast")]
public sealed class OrganizationInvitationTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_mail_link_goes_to_the_callback_URL_only_on_a_trusted_origin()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");

        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "bob@example.com", role = "member", organizationId = id, callbackURL = "https://evil.example/accept" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_CALLBACK_URL");
        var invited = await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "bob@example.com", role = "member", organizationId = id, callbackURL = "/accept?view=invitation" });

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from invitations"));
        Assert.Equal("/accept?view=invitation", await database.ScalarAsync<string>("select callback_url from mail_jobs where kind = 'OrganizationInvitation'"));
    }

    [Fact]
    public async Task Only_the_recipient_with_a_verified_address_accepts_and_only_once()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var invitationId = await client.InviteAsync(ann.Cookie, id, "Bob@Example.com", "member");
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        var eve = await client.SignUpAsync("eve@example.com", name: "Eve");
        await database.MarkEmailVerifiedAsync("eve@example.com");

        await (await client.OrgPostAsync("accept-invitation", bob.Cookie, new { invitationId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION");
        await (await client.OrgGetAsync("list-user-invitations", bob.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION");
        await (await client.OrgPostAsync("accept-invitation", eve.Cookie, new { invitationId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");
        await (await client.OrgGetAsync("get-invitation?id=" + invitationId, eve.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");

        await database.MarkEmailVerifiedAsync("bob@example.com");
        bob = await client.SignInAsync("bob@example.com"); // a new session: the old one's cached answer learns of the change asynchronously (ADR 0095)
        var seen = (await (await client.OrgGetAsync("get-invitation?id=" + invitationId, bob.Cookie)).JsonAsync())!;
        Assert.Equal("acme", seen["organizationSlug"]!.GetValue<string>());
        Assert.Equal("ann@example.com", seen["inviterEmail"]!.GetValue<string>());
        Assert.Equal("Org acme", Assert.Single((await (await client.OrgGetAsync("list-user-invitations", bob.Cookie)).JsonAsync())!.AsArray())!["organizationName"]!.GetValue<string>());

        var accepted = (await (await client.OrgPostAsync("accept-invitation", bob.Cookie, new { invitationId })).JsonAsync())!;
        Assert.Equal("accepted", accepted["invitation"]!["status"]!.GetValue<string>());
        Assert.Equal("member", accepted["member"]!["role"]!.GetValue<string>());
        Assert.Equal(id, await client.ActiveOrganizationIdAsync(bob.Cookie));

        await (await client.OrgPostAsync("accept-invitation", bob.Cookie, new { invitationId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVITATION_NOT_FOUND");
        await (await client.OrgPostAsync("reject-invitation", bob.Cookie, new { invitationId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVITATION_NOT_FOUND");
        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from members where user_id = $1", bob.UserId));
    }

    [Fact]
    public async Task An_expired_or_canceled_invitation_cannot_be_accepted_and_a_rejected_one_is_closed()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        await database.MarkEmailVerifiedAsync("bob@example.com");

        var expired = await client.InviteAsync(ann.Cookie, id, "bob@example.com", "member");
        await database.ScalarAsync<int>("with e as (update invitations set expires_at = now() - interval '1 second' where id = $1 returning 1) select count(*)::int from e", expired);
        await (await client.OrgPostAsync("accept-invitation", bob.Cookie, new { invitationId = expired }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVITATION_NOT_FOUND");

        var canceled = await client.InviteAsync(ann.Cookie, id, "bob@example.com", "member");
        var cancel = await client.OrgPostAsync("cancel-invitation", ann.Cookie, new { invitationId = canceled });
        Assert.Equal("canceled", (await cancel.JsonAsync())!["status"]!.GetValue<string>());
        await (await client.OrgPostAsync("accept-invitation", bob.Cookie, new { invitationId = canceled }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVITATION_NOT_FOUND");

        var rejected = await client.InviteAsync(ann.Cookie, id, "bob@example.com", "admin");
        var reject = (await (await client.OrgPostAsync("reject-invitation", bob.Cookie, new { invitationId = rejected })).JsonAsync())!;
        Assert.Equal("rejected", reject["invitation"]!["status"]!.GetValue<string>());
        await (await client.OrgPostAsync("accept-invitation", bob.Cookie, new { invitationId = rejected }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVITATION_NOT_FOUND");
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from members where user_id = $1", bob.UserId));

        var all = (await (await client.OrgGetAsync("list-invitations?organizationId=" + id, ann.Cookie)).JsonAsync())!.AsArray();
        Assert.Equal(["canceled", "pending", "rejected"], all.Select(i => i!["status"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Invite_checks_roles_members_duplicates_and_the_hourly_limit_per_address()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Organization:InvitationsPerRecipientPerHour"] = "2";
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var cid = await client.JoinAsync(database, ann, id, "cid@example.com", "admin");

        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "not-an-address", role = "member" })).AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_EMAIL");
        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "dan@example.com", role = "wizard" })).AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NOT_FOUND");
        await (await client.OrgPostAsync("invite-member", cid.Cookie, new { email = "dan@example.com", role = "owner" })).AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE");
        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "cid@example.com", role = "member" })).AssertProblemAsync(HttpStatusCode.BadRequest, "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION");

        var first = await client.InviteAsync(ann.Cookie, id, "dan@example.com", "member");
        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "dan@example.com", role = "member" })).AssertProblemAsync(HttpStatusCode.BadRequest, "USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION");
        var resent = await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "dan@example.com", role = "member", resend = true });
        Assert.Equal(first, (await resent.JsonAsync())!["id"]!.GetValue<string>());

        var third = await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "dan@example.com", role = "member", resend = true });
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        Assert.NotNull(third.Headers.RetryAfter);
    }
}
