package cn.taihang.faulty;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A component that fails to activate, as a bad update would (a bundle built against a service that changed, a missing
 * resource): immediate, needing no configuration, so it fails as soon as its bundle starts. For the update tests and the
 * rollout scenario only.
 */
@Component(immediate = true, service = {})
public final class FailingComponent {

    /** @throws IllegalStateException always */
    @Activate
    public FailingComponent() {
        throw new IllegalStateException("this bundle fails on purpose: the bad release of the update tests");
    }
}
