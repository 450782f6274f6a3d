using System.Security.Cryptography;
using System.Text;

namespace FluxCaption.Api.Security;

/// <summary>
/// Holds the SHA-256 of the one valid API key. Only the hash is kept (in memory and in the
/// database), so the generated key can be shown once and never read back.
/// </summary>
internal sealed class ApiKeyStore
{
    private byte[]? _hash;

    public bool IsReady => Volatile.Read(ref _hash) is not null;

    public void SetHash(byte[] hash) => Volatile.Write(ref _hash, hash);

    public bool IsValid(string presentedKey)
    {
        var expected = Volatile.Read(ref _hash);
        return expected is not null
            && CryptographicOperations.FixedTimeEquals(Hash(presentedKey), expected);
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string NewKey() =>
        "fc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
