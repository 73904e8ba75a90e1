package cn.taihang.wire.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RentalPassTest {

    private static Ticket ticketWith(byte[] holderRef) {
        return new Ticket(7, 99, holderRef, SampleTickets.DAY, List.of(
                Entitlement.of(EntitlementKind.RENTAL_KEY, 4001, SampleTickets.DAY, SampleTickets.DAY.plus(Duration.ofHours(2)), 1)));
    }

    @Test
    void aPassSurvivesSigningEncodingAndDecodingAndFitsASmallQrCode() throws TicketException {
        RentalPass pass = new RentalPass(RentalPass.Action.PICKUP, "R0A1B2C3D4E", "car-017");
        TicketSigner signer = SampleTickets.signer(7);
        String text = signer.sign(ticketWith(pass.holderRef()));
        SignedTicket read = new TicketCodec().decode(text);
        new TicketVerifier(SampleTickets.ring(1, new KeyRing.Key(7, signer.publicKey(), KeyRing.KeyState.ACTIVE))).verify(read);
        assertThat(RentalPass.of(read.ticket())).isEqualTo(pass);
        assertThat(text.length()).as("QR version 10-Q holds 221 alphanumeric characters").isLessThan(221);
    }

    @Test
    void aReturnWithoutACarAndTheLargestCarNumberRoundTrip() throws TicketException {
        for (RentalPass pass : List.of(new RentalPass(RentalPass.Action.RETURN, "RFFFFFFFFFF", null),
                new RentalPass(RentalPass.Action.RETURN, "R0000000000", "car-65535"), new RentalPass(RentalPass.Action.PICKUP, "R123456789A", "car-001"))) {
            assertThat(RentalPass.of(ticketWith(pass.holderRef()))).isEqualTo(pass);
        }
    }

    @Test
    void idsThatDoNotFitTheLayoutAreRefusedAtTheBoundary() {
        assertThatThrownBy(() -> new RentalPass(RentalPass.Action.PICKUP, "R0a1b2c3d4e", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RentalPass(RentalPass.Action.PICKUP, "R0A1B2C3D4", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RentalPass(RentalPass.Action.PICKUP, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RentalPass(RentalPass.Action.PICKUP, "R0A1B2C3D4E", "car-0017")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RentalPass(RentalPass.Action.PICKUP, "R0A1B2C3D4E", "car-65536")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RentalPass(RentalPass.Action.PICKUP, "R0A1B2C3D4E", "car-000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RentalPass.Action.of("steal")).hasMessageContaining("pickup");
        assertThat(RentalPass.fits("JIN-E 123")).isFalse();
        assertThat(RentalPass.fits("car-042")).isTrue();
    }

    @Test
    void aHolderReferenceThatIsNotAPassIsMalformed() {
        assertThatThrownBy(() -> RentalPass.of(ticketWith(SampleTickets.HOLDER))).isInstanceOfSatisfying(TicketException.class,
                e -> assertThat(e.reason()).isEqualTo(TicketException.Reason.MALFORMED));
        assertThatThrownBy(() -> RentalPass.of(ticketWith(new byte[8]))).isInstanceOf(TicketException.class);
    }
}
