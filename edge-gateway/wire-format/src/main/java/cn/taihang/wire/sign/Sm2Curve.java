package cn.taihang.wire.sign;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The SM2 curve sm2p256v1 (GM/T 0003.5), BouncyCastle's optimised implementation. */
final class Sm2Curve {

    static final ECDomainParameters DOMAIN;

    static {
        X9ECParameters curve = CustomNamedCurves.getByName("sm2p256v1");
        DOMAIN = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH(), curve.getSeed());
    }

    private Sm2Curve() {
    }
}
