using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// Password changes raced by sign-ins with the old password, over instances that hash with different
/// Argon2id costs (so sign-ins on one rehash what the other wrote): once a change has completed, no
/// session created with the old password is alive, and the old password never works again (no rehash of
/// it was written over the new hash).
/// </summary>
public sealed class PasswordChangeRaceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_session_from_the_old_password_survives_a_completed_change_and_the_old_password_never_works_again()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var first = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        await using var second = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, new Dictionary<string, string?> { ["Auth__PasswordHashing__Iterations"] = "3" });
        await using var third = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        var instances = new[] { first.BaseAddress, second.BaseAddress, third.BaseAddress };
        using var client = new RawAuthClient();
        var email = $"racer-{Guid.NewGuid():N}@example.com";
        var password = "initial password 0";
        var signedUp = await client.SignUpAsync(instances[0], email, password);
        Assert.Equal(200, signedUp.Status);
        var userId = System.Text.Json.Nodes.JsonNode.Parse(signedUp.Body)!["user"]!["id"]!.GetValue<string>();

        var oldPasswordSessions = 0;
        var rejectedAfterChange = 0;
        const int Rounds = 8;
        for (var round = 1; round <= Rounds; round++)
        {
            var current = await client.SignInAsync(instances[round % 3], email, password);
            Assert.Equal(200, current.Status);
            var next = $"changed password {round}";

            // The change and twelve sign-ins with the old password, all at once over the three instances.
            var signIns = Enumerable.Range(0, 12).Select(i => client.SignInAsync(instances[i % 3], email, password)).ToList();
            var change = await client.ChangePasswordAsync(instances[(round + 1) % 3], current.SessionCookie!, password, next);
            var raced = await Task.WhenAll(signIns);
            Assert.True(change.Status == 200, $"change-password answered {change.Status}: {change.Body}");
            Assert.All(raced, a => Assert.Contains(a.Status, new[] { 200, 401 }));

            // Whatever the interleaving: every session the old password opened is dead now, on every instance.
            foreach (var session in raced.Where(a => a.Status == 200))
            {
                oldPasswordSessions++;
                foreach (var instance in instances)
                {
                    Assert.False(await client.HasSessionAsync(instance, session.SessionCookie!), $"round {round}: a session opened with the old password is alive after the change");
                }
            }

            rejectedAfterChange += raced.Count(a => a.Status == 401);
            Assert.Equal(1L, await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString,
                $"select count(*) from sessions where user_id = '{userId}' and revoked_at is null"));

            // The old password never works again (no rehash of it overwrote the new hash), the new one does.
            foreach (var instance in instances)
            {
                Assert.Equal(401, (await client.SignInAsync(instance, email, password)).Status);
            }

            password = next;
        }

        output.WriteLine($"{Rounds} password changes, each raced by 12 sign-ins with the old password over 3 instances (two hashing costs): "
            + $"{oldPasswordSessions} old-password sessions opened before the change committed (all revoked), {rejectedAfterChange} old-password sign-ins refused; one live session after each change");
        Assert.True(oldPasswordSessions + rejectedAfterChange == Rounds * 12);
    }
}
