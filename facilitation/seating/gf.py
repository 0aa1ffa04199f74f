"""Arithmetic in the finite field GF(q), q a prime power (2, 3, 4, 5, 7, 8, 9, 11, 13, 16, ...).

Elements are the integers 0..q-1; for q = p^k an element is the polynomial over GF(p) whose
coefficients are its base-p digits, and products are reduced modulo an irreducible polynomial
of degree k found by search.
"""

from __future__ import annotations

from functools import cache


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, k) with q = p^k and p prime, or None."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    k, rest = 0, q
    while rest % p == 0:
        rest //= p
        k += 1
    return (p, k) if rest == 1 else None


def _poly_mul_mod(a: list[int], b: list[int], modulus: list[int], p: int) -> list[int]:
    """Product of coefficient lists (lowest degree first) modulo the monic `modulus`."""
    k = len(modulus) - 1
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] = (out[i + j] + x * y) % p
    for deg in range(len(out) - 1, k - 1, -1):
        coef = out[deg]
        if coef:
            for j in range(k + 1):
                out[deg - k + j] = (out[deg - k + j] - coef * modulus[j]) % p
    return (out + [0] * k)[:k]


def _digits(x: int, p: int, k: int) -> list[int]:
    return [(x // p**i) % p for i in range(k)]


def _number(digits: list[int], p: int) -> int:
    return sum(d * p**i for i, d in enumerate(digits))


class Field:
    def __init__(self, q: int):
        found = prime_power(q)
        if found is None:
            raise ValueError(f"{q} is not a prime power")
        self.q = q
        self.p, self.k = found
        self.add_table, self.mul_table = _tables(q)

    def add(self, a: int, b: int) -> int:
        return self.add_table[a][b]

    def mul(self, a: int, b: int) -> int:
        return self.mul_table[a][b]

    def neg(self, a: int) -> int:
        return self.add_table[a].index(0)


@cache
def _tables(q: int) -> tuple[list[list[int]], list[list[int]]]:
    p, k = prime_power(q)  # type: ignore[misc]
    if k == 1:
        return (
            [[(a + b) % p for b in range(q)] for a in range(q)],
            [[(a * b) % p for b in range(q)] for a in range(q)],
        )
    add = [
        [
            _number(
                [(x + y) % p for x, y in zip(_digits(a, p, k), _digits(b, p, k), strict=True)], p
            )
            for b in range(q)
        ]
        for a in range(q)
    ]
    # A monic polynomial of degree k is irreducible iff the quotient ring has no zero divisor.
    for low in range(q):
        modulus = _digits(low, p, k) + [1]
        if modulus[0] == 0:
            continue
        mul = [
            [
                _number(_poly_mul_mod(_digits(a, p, k), _digits(b, p, k), modulus, p), p)
                for b in range(q)
            ]
            for a in range(q)
        ]
        if all(mul[a][b] for a in range(1, q) for b in range(1, q)):
            return add, mul
    raise ValueError(f"no irreducible polynomial for {q}")  # cannot happen for prime powers
