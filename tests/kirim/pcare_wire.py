"""What P-Care does to a response, for the test server and the unit tests'
vectors: LZ-string compressToEncodedURIComponent (written from the reference
algorithm's description), then AES-256-CBC with key = SHA-256(cons_id + secret
+ timestamp) and IV = its first 16 bytes, by libcrypto through ctypes (Python's
standard library has no AES), then base64. And the request signature."""
import base64
import ctypes
import ctypes.util
import hashlib
import hmac

URI_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$"


def lz_compress_uri(text):
    units = []
    for ch in text:  # JavaScript strings are UTF-16 units
        cp = ord(ch)
        if cp > 0xFFFF:
            cp -= 0x10000
            units += [chr(0xD800 + (cp >> 10)), chr(0xDC00 + (cp & 0x3FF))]
        else:
            units.append(ch)
    out = []
    state = {"val": 0, "pos": 0}

    def write(value, n):
        for _ in range(n):
            state["val"] = (state["val"] << 1) | (value & 1)
            if state["pos"] == 5:
                out.append(URI_ALPHABET[state["val"]])
                state["val"], state["pos"] = 0, 0
            else:
                state["pos"] += 1
            value >>= 1

    dictionary, fresh = {}, set()
    size, bits, enlarge = 3, 2, 2
    w = ""

    def grow():
        nonlocal enlarge, bits
        enlarge -= 1
        if enlarge == 0:
            enlarge = 1 << bits
            bits += 1

    def emit(w):
        if w in fresh:
            code = ord(w[0])
            if code < 256:
                write(0, bits)
                write(code, 8)
            else:
                write(1, bits)
                write(code, 16)
            grow()
            fresh.discard(w)
        else:
            write(dictionary[w], bits)
        grow()

    for c in units:
        if c not in dictionary:
            dictionary[c] = size
            size += 1
            fresh.add(c)
        wc = w + c
        if wc in dictionary:
            w = wc
        else:
            emit(w)
            dictionary[wc] = size
            size += 1
            w = c
    if w:
        emit(w)
    write(2, bits)
    while True:
        state["val"] <<= 1
        if state["pos"] == 5:
            out.append(URI_ALPHABET[state["val"]])
            break
        state["pos"] += 1
    return "".join(out)


def _libcrypto():
    for name in (ctypes.util.find_library("crypto"), "libcrypto.so.3", "libcrypto.so"):
        if name:
            try:
                return ctypes.CDLL(name)
            except OSError:
                pass
    raise OSError("libcrypto not found")


_lib = _libcrypto()
_lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
_lib.EVP_aes_256_cbc.restype = ctypes.c_void_p
_lib.EVP_EncryptInit_ex.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p,
                                    ctypes.c_char_p]
_lib.EVP_EncryptUpdate.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int),
                                   ctypes.c_char_p, ctypes.c_int]
_lib.EVP_EncryptFinal_ex.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
_lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]


def aes256cbc(key, iv, data):
    ctx = _lib.EVP_CIPHER_CTX_new()
    buf = ctypes.create_string_buffer(len(data) + 32)
    n, m = ctypes.c_int(0), ctypes.c_int(0)
    ok = _lib.EVP_EncryptInit_ex(ctx, _lib.EVP_aes_256_cbc(), None, key, iv)
    ok = ok and _lib.EVP_EncryptUpdate(ctx, buf, ctypes.byref(n), data, len(data))
    ok = ok and _lib.EVP_EncryptFinal_ex(ctx, ctypes.cast(ctypes.addressof(buf) + n.value, ctypes.c_char_p),
                                         ctypes.byref(m))
    _lib.EVP_CIPHER_CTX_free(ctx)
    if not ok:
        raise RuntimeError("AES failed")
    return buf.raw[:n.value + m.value]


def encrypt_response(text, cons_id, secret, timestamp):
    key = hashlib.sha256((cons_id + secret + timestamp).encode()).digest()
    packed = lz_compress_uri(text).encode()
    return base64.b64encode(aes256cbc(key, key[:16], packed)).decode()


def signature(cons_id, secret, timestamp):
    mac = hmac.new(secret.encode(), (cons_id + "&" + timestamp).encode(), hashlib.sha256).digest()
    return base64.b64encode(mac).decode()


if __name__ == "__main__":  # vectors for tests/unit/test_pcare.c
    import sys
    if sys.argv[1] == "lz":
        print(lz_compress_uri(sys.argv[2]))
    elif sys.argv[1] == "enc":
        print(encrypt_response(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]))
    elif sys.argv[1] == "sig":
        print(signature(sys.argv[2], sys.argv[3], sys.argv[4]))
