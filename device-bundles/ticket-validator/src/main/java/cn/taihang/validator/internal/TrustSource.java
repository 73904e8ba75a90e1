package cn.taihang.validator.internal;

import cn.taihang.validator.domain.Trust;

/** The gateway's current ticket trust (key ring, deny list), as a service inside this bundle. */
interface TrustSource {

    /** @return what the gateway trusts now; never {@code null} */
    Trust current();
}
